// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'db' });

exports.vulnerable = async (event) => {
  const ids = JSON.parse(event.body).ids;
  ids.forEach((id) => {
    pool.query('DELETE FROM carts WHERE id = ' + id); // want "code/sql-injection"
  });
  return Promise.resolve(event.queryStringParameters).then((q) => pool.execute(`SELECT * FROM carts WHERE owner = '${q.owner}'`)); // want "code/sql-injection"
};

exports.fixed = async (event) => {
  const ids = JSON.parse(event.body).ids;
  ids.forEach((id) => {
    pool.query('DELETE FROM carts WHERE id = ?', [id]);
  });
  return Promise.resolve(event.queryStringParameters).then((q) => pool.execute('SELECT * FROM carts WHERE owner = ?', [q.owner]));
};
