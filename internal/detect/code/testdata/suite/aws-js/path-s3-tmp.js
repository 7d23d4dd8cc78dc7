// fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
const fs = require('fs');
const path = require('path');
const AWS = require('aws-sdk');

const s3 = new AWS.S3();

exports.vulnerable = async (event) => {
  const { key } = event.Records[0].s3.object;
  const obj = await s3.getObject({ Bucket: 'in', Key: key }).promise();
  fs.writeFileSync(`/tmp/${key}`, obj.Body); // want "code/path-traversal"
};

exports.fixed = async (event) => {
  const { key } = event.Records[0].s3.object;
  const obj = await s3.getObject({ Bucket: 'in', Key: key }).promise();
  fs.writeFileSync(`/tmp/${path.basename(key)}`, obj.Body);
};
