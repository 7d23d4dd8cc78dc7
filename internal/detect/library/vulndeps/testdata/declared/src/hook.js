const _ = require('lodash');
const serialize = require('node-serialize');

module.exports.handler = async (event) => _.map(event.Records, (r) => serialize.unserialize(r.body));
