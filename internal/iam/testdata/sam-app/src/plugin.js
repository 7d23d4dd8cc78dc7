import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export const handler = async (event) => {
  const out = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  const mod = await import(event.plugin);
  return mod.default(out);
};
