const AWS = require('aws-sdk');
const { Store } = require('acme-store');
const makeRepo = require('./repo');

const docClient = new AWS.DynamoDB.DocumentClient();
const store = new Store({ client: docClient, table: 'acme-store' });
const repo = makeRepo(docClient);

exports.handler = async (event) => {
  await store.save(event);
  await repo.save(event);
};
