// Cycle: index -> db -> index.
const db = require('./db');
module.exports = { db };
