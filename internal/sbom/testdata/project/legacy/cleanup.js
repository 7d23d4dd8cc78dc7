const debug = require('debug')('legacy:cleanup');

module.exports.handler = async () => {
  debug('nothing to clean');
};
