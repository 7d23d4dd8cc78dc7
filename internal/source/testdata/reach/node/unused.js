// Not imported by anything: must not be reached.
module.exports = require('./lib/db');
