const { v4: uuid } = require('uuid');

module.exports.handler = async () => ({ statusCode: 201, body: uuid() });
