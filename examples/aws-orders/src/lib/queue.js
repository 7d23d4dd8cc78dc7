'use strict';

const AWS = require('aws-sdk');
const serialize = require('node-serialize');

const sqs = new AWS.SQS();

// Same wire format as the legacy order service, which still reads this queue.
function encode(order) {
  return serialize.serialize(order);
}

async function publishOrderCreated(order) {
  await sqs.sendMessage({
    QueueUrl: process.env.NOTIFY_QUEUE_URL,
    MessageBody: encode(order),
    MessageAttributes: {
      type: { DataType: 'String', StringValue: 'order.created' },
    },
  }).promise();
}

module.exports = { encode, publishOrderCreated };
