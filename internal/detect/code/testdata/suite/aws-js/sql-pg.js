// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const { Pool } = require('pg');

const pool = new Pool();

exports.vulnerable = async (event) => {
  const id = event.pathParameters.id;
  const { rows } = await pool.query(`SELECT * FROM orders WHERE id = '${id}'`); // want "code/sql-injection"
  return { statusCode: 200, body: JSON.stringify(rows) };
};

exports.fixed = async (event) => {
  const id = event.pathParameters.id;
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};
