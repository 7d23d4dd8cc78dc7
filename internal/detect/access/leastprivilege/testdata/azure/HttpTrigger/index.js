const AWS = require('aws-sdk');

module.exports = async function (context, req) {
  // an AWS call from an Azure function: nothing to compare with IAM
  const s3 = new AWS.S3();
  context.res = { body: await s3.getObject({ Bucket: 'b', Key: 'k' }).promise() };
};
