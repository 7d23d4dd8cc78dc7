import { DynamoDBClient, ScanCommand, paginateQuery } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as sns from '@aws-sdk/client-sns';
import { S3, S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const ddb = new DynamoDBClient({});
const doc = DynamoDBDocumentClient.from(ddb);
const s3 = new S3Client({});
const snsClient = new sns.SNSClient({});
const TABLE = process.env.TABLE_NAME;

export const handler = async (event) => {
  await ddb.send(new ScanCommand({ TableName: TABLE }));
  for await (const page of paginateQuery({ client: ddb }, { TableName: TABLE, IndexName: 'byDate' })) {
    console.log(page.Count);
  }
  await doc.send(new UpdateCommand({ TableName: TABLE, Key: { id: 1 }, UpdateExpression: 'set a = :a' }));
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: 'a', Body: 'b' }));
  const legacy = new S3({});
  await legacy.headObject({ Bucket: process.env.BUCKET, Key: 'a' });
  await new Upload({ client: s3, params: { Bucket: process.env.BUCKET, Key: 'big', Body: event.body } }).done();
  const cmd = new sns.PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: 'hi' });
  await snsClient.send(cmd);
  await new SFNClient({}).send(new StartExecutionCommand({ stateMachineArn: process.env.MACHINE_ARN, input: '{}' }));
  await new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ Source: 'acme', DetailType: 'x', Detail: '{}' }] }));
  const p = await new SSMClient({}).send(new GetParameterCommand({ Name: '/acme/prod/api-key', WithDecryption: true }));
  await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: event.blob }));
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'acme-downloads', Key: event.key }));
  return { url, p };
};
