'use strict';

const fs = require('fs');
const path = require('path');
const { exec, execFile } = require('child_process');
const { promisify } = require('util');
const AWS = require('aws-sdk');

const runFile = promisify(execFile);
const s3 = new AWS.S3();

const PREVIEW_SIZE = '800x800';
const MAX_PIXELS = 40 * 1000 * 1000;

async function download(bucket, key, localPath) {
  const object = await s3.getObject({ Bucket: bucket, Key: key }).promise();
  fs.writeFileSync(localPath, object.Body);
}

async function dimensions(localPath) {
  const { stdout } = await runFile('identify', ['-format', '%w %h', localPath]);
  const [width, height] = stdout.trim().split(' ').map(Number);
  return { width, height };
}

module.exports.handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const fileName = path.basename(key);
    const localPath = `/tmp/${fileName}`;

    await download(bucket, key, localPath);

    const { width, height } = await dimensions(localPath);
    if (width * height > MAX_PIXELS) {
      console.warn(`Skipping ${key}: ${width}x${height} is too large`);
      continue;
    }

    const previewPath = `/tmp/preview-${fileName}.jpg`;
    await new Promise((resolve, reject) => {
      exec(`convert /tmp/${fileName} -auto-orient -resize ${PREVIEW_SIZE} -quality 85 ${previewPath}`,
        (err) => (err ? reject(err) : resolve()));
    });

    await s3.putObject({
      Bucket: bucket,
      Key: `previews/${fileName}.jpg`,
      Body: fs.readFileSync(previewPath),
      ContentType: 'image/jpeg',
    }).promise();

    fs.unlinkSync(localPath);
    fs.unlinkSync(previewPath);
    console.log(`Preview ready for ${key}`);
  }
};
