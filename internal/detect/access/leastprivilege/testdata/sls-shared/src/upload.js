'use strict';

const S3 = require('aws-sdk/clients/s3');

const s3 = new S3();

module.exports.handler = async (event) => {
  const key = `uploads/${Date.now()}.json`;
  await s3.putObject({ Bucket: process.env.BUCKET, Key: key, Body: event.body }).promise();
  return { statusCode: 201, body: JSON.stringify({ key }) };
};
