'use strict';

const { Client } = require('pg');

const url = 'postgres://shop:Kx8vT2mQp9wLz@db.prod.internal:5432/shop';

module.exports.save = async (order) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('insert into orders(doc) values ($1)', [order]);
};
