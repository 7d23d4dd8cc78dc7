const knex = require('knex')({ client: 'pg' });

async function findByName(name) {
  return knex.raw(`SELECT * FROM users WHERE name = '${name}'`); // want "code/sql-injection"
}

async function findByNameSafe(name) {
  return knex.raw('SELECT * FROM users WHERE name = ?', [name]);
}

module.exports = { findByName, findByNameSafe };
