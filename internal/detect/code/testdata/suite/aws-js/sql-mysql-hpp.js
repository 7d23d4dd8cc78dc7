// fixture: provider=aws trigger=http handlers=vulnerable,fixed
// HTTP parameter pollution: mysql.escape turns an array or an object into
// SQL fragments, so escaping a JSON value that was never checked to be a
// string does not protect the query.
const mysql = require('mysql');

const connection = mysql.createConnection({ host: 'db' });

exports.vulnerable = async (event) => {
  const { device } = JSON.parse(event.body);
  connection.query('SELECT * FROM devices WHERE name = ' + mysql.escape(device)); // want "code/sql-injection"
};

exports.fixed = async (event) => {
  const { device } = JSON.parse(event.body);
  if (typeof device !== 'string') {
    return { statusCode: 400 };
  }
  connection.query('SELECT * FROM devices WHERE name = ' + mysql.escape(device));
};
