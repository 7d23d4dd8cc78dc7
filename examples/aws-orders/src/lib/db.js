'use strict';

const AWS = require('aws-sdk');

const TABLE = process.env.ORDERS_TABLE;
const client = new AWS.DynamoDB.DocumentClient();

async function putOrder(order) {
  await client.put({
    TableName: TABLE,
    Item: order,
    ConditionExpression: 'attribute_not_exists(id)',
  }).promise();
  return order;
}

async function getOrder(id) {
  const { Item } = await client.get({
    TableName: TABLE,
    Key: { id },
  }).promise();
  return Item;
}

async function listOrdersSince(isoDate) {
  const orders = [];
  let startKey;
  do {
    const page = await client.scan({
      TableName: TABLE,
      FilterExpression: '#createdAt >= :since',
      ExpressionAttributeNames: { '#createdAt': 'createdAt' },
      ExpressionAttributeValues: { ':since': isoDate },
      ExclusiveStartKey: startKey,
    }).promise();
    orders.push(...page.Items);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return orders;
}

module.exports = { putOrder, getOrder, listOrdersSince };
