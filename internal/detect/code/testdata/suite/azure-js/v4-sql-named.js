// fixture: provider=azure trigger=httpTrigger model=code handlers=searchOrders,searchOrdersFixed
const { app } = require('@azure/functions');
const { Pool } = require('pg');

const pool = new Pool();

// Handlers declared in the file but not exported: the registration names them.
async function searchOrders(request, context) { // entry: searchOrders
  const filter = await request.json();
  const sql = "SELECT id, total FROM orders WHERE customer = '" + filter.customer + "'";
  const { rows } = await pool.query(sql); // want "code/sql-injection"
  return { jsonBody: rows };
}

async function searchOrdersFixed(request, context) { // entry: searchOrdersFixed
  const filter = await request.json();
  const { rows } = await pool.query('SELECT id, total FROM orders WHERE customer = $1', [String(filter.customer)]);
  return { jsonBody: rows };
}

app.post('searchOrders', { route: 'orders/search', handler: searchOrders });
app.post('searchOrdersFixed', { route: 'orders/search2', handler: searchOrdersFixed });
