const AWS = require('aws-sdk');

const docs = new AWS.DynamoDB.DocumentClient();

exports.put = (k, v) => docs.put({ TableName: 'kv', Item: { k, v } }).promise();
exports.get = async (k) => (await docs.get({ TableName: 'kv', Key: { k } }).promise()).Item.v;
