import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});

export const handler = async (event) => {
  const note = { id: randomUUID(), ...JSON.parse(event.body) };
  await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: note }));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: note.id }));
  return { statusCode: 201, body: JSON.stringify({ id: note.id }) };
};
