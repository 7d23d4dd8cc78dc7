import type { APIGatewayProxyEvent } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as AWS from 'aws-sdk';
import { ddb } from './lib/db';
import { TABLE, BUCKET } from './lib/config';
import { Repo } from './lib/repo';

const repo = new Repo();
const s3 = new AWS.S3();

export const handler = async (event: APIGatewayProxyEvent) => {
  const item = JSON.parse(event.body ?? '{}');
  await ddb.send(new PutCommand({ TableName: TABLE, Item: item }));
  await repo.remove(item.previous as string);
  await s3.copyObject({ Bucket: BUCKET, CopySource: `acme-inbox/${item.key}`, Key: item.key }).promise();
  return { statusCode: 201 };
};
