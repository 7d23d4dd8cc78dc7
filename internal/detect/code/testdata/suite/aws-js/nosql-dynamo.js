// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const AWS = require('aws-sdk');

const docs = new AWS.DynamoDB.DocumentClient();

exports.vulnerable = async (event) => {
  const status = event.queryStringParameters.status;
  const res = await docs.scan({
    TableName: 'orders',
    FilterExpression: `orderStatus = ${status}`, // want "code/nosql-injection"
  }).promise();
  return { statusCode: 200, body: JSON.stringify(res.Items) };
};

exports.fixed = async (event) => {
  const status = event.queryStringParameters.status;
  const res = await docs.scan({
    TableName: 'orders',
    FilterExpression: 'orderStatus = :s',
    ExpressionAttributeValues: { ':s': status },
  }).promise();
  return { statusCode: 200, body: JSON.stringify(res.Items) };
};
