// fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
import { S3Event } from 'aws-lambda';
import * as fs from 'fs/promises';
import * as path from 'path';

export const vulnerable = async (event: S3Event) => {
  const key: string = event.Records[0].s3.object.key;
  await fs.unlink(`/tmp/cache/${key}`); // want "code/path-traversal"
};

export const fixed = async (event: S3Event) => {
  const key: string = event.Records[0].s3.object.key;
  await fs.unlink(`/tmp/cache/${path.basename(key)}`);
};
