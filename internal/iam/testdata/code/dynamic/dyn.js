const AWS = require('aws-sdk');
const { getObject } = require('./lib');

const ddb = new AWS.DynamoDB.DocumentClient();

exports.handler = async (event) => {
  const method = event.write ? 'put' : 'get';
  await ddb[method]({ TableName: 'acme', Key: { id: event.id } }).promise();
  const plugin = require(event.module);
  await getObject(event.key);
  return plugin.run(event);
};
