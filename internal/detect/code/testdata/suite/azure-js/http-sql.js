// fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
const sql = require('mssql');

module.exports.vulnerable = async function (context, req) {
  const pool = await sql.connect(process.env.SQL);
  const result = await pool.request().query(`SELECT * FROM items WHERE sku = '${req.params.sku}'`); // want "code/sql-injection"
  context.res = { body: result.recordset };
};

module.exports.fixed = async function (context, req) {
  const pool = await sql.connect(process.env.SQL);
  const result = await pool.request().input('sku', sql.NVarChar, req.params.sku).query('SELECT * FROM items WHERE sku = @sku');
  context.res = { body: result.recordset };
};
