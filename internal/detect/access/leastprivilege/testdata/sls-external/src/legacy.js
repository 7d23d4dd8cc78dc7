const { S3Client, DeleteObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});

exports.handler = async (event) => {
  await s3.send(new DeleteObjectCommand({ Bucket: 'legacy-bucket', Key: event.key }));
};
