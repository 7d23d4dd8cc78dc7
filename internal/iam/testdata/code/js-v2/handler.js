'use strict';

const AWS = require('aws-sdk');
const DynamoDB = require('aws-sdk/clients/dynamodb');
const { s3, TABLE } = require('./lib/clients');

const docs = new DynamoDB.DocumentClient();
const sqs = new AWS.SQS({ apiVersion: '2012-11-05' });
const lambda = new AWS.Lambda();

async function saveAll(items) {
  const RequestItems = { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) };
  await docs.batchWrite({ RequestItems }).promise();
}

exports.handler = async (event) => {
  const obj = await s3.getObject({ Bucket: 'acme-static', Key: 'config.json' }).promise();
  await saveAll(JSON.parse(obj.Body));
  await docs.transactWrite({
    TransactItems: [
      { Put: { TableName: TABLE, Item: { id: '1' } } },
      { ConditionCheck: { TableName: TABLE, Key: { id: '0' }, ConditionExpression: 'attribute_exists(id)' } },
    ],
  }).promise();
  await sqs.sendMessage({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' }).promise();
  await lambda.invoke({ FunctionName: 'acme-resize', Payload: '{}' }).promise();
  const secret = await new AWS.SecretsManager().getSecretValue({ SecretId: 'prod/db' }).promise();
  const url = s3.getSignedUrl('putObject', { Bucket: process.env.BUCKET, Key: 'x' });
  await s3.upload({ Bucket: `${process.env.STAGE}-exports`, Key: 'k', Body: 'b' }).promise();
  return { url, secret: Boolean(secret) };
};
