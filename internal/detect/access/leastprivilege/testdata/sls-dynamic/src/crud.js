const AWS = require('aws-sdk');

const db = new AWS.DynamoDB.DocumentClient();
const s3 = new AWS.S3();

exports.handler = async (event) => {
  const op = event.op === 'remove' ? 'delete' : 'get';
  const res = await db[op]({ TableName: process.env.TABLE, Key: { id: event.id } }).promise();
  const file = await s3.getObject({ Bucket: process.env.BUCKET, Key: `${event.id}.json` }).promise();
  return { item: res.Item, file: file.Body.toString() };
};
