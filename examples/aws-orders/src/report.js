'use strict';

const fs = require('fs');
const { execFile } = require('child_process');
const { promisify } = require('util');
const AWS = require('aws-sdk');
const db = require('./lib/db');

const runFile = promisify(execFile);
const s3 = new AWS.S3();

const COLUMNS = ['id', 'createdAt', 'status', 'currency', 'total'];
const DAY_MS = 24 * 60 * 60 * 1000;

function csvCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function toCsv(orders) {
  const rows = orders.map((order) => COLUMNS.map((column) => csvCell(order[column])).join(','));
  return [COLUMNS.join(','), ...rows].join('\n');
}

module.exports.handler = async () => {
  const since = new Date(Date.now() - DAY_MS).toISOString();
  const day = since.slice(0, 10);
  const orders = await db.listOrdersSince(since);

  const csvPath = `/tmp/orders-${day}.csv`;
  fs.writeFileSync(csvPath, toCsv(orders));
  await runFile('gzip', ['-9', '-f', csvPath]);

  await s3.putObject({
    Bucket: process.env.UPLOADS_BUCKET,
    Key: `reports/orders-${day}.csv.gz`,
    Body: fs.readFileSync(`${csvPath}.gz`),
    ContentType: 'application/gzip',
    ServerSideEncryption: 'AES256',
  }).promise();

  console.log(`Exported ${orders.length} orders for ${day}`);
  return { day, orders: orders.length };
};
