const lib = require('./index');
exports.get = async (id) => ({ id, lib });
