import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE;

export const handler = async (event) => {
  const owner = event.queryStringParameters?.owner;
  if (event.pathParameters?.id) {
    const { Item } = await ddb.send(new GetCommand({ TableName: TABLE, Key: { id: event.pathParameters.id } }));
    return { statusCode: 200, body: JSON.stringify(Item) };
  }
  const { Items } = await ddb.send(new QueryCommand({
    TableName: TABLE,
    IndexName: 'byOwner',
    KeyConditionExpression: 'owner = :o',
    ExpressionAttributeValues: { ':o': owner },
  }));
  return { statusCode: 200, body: JSON.stringify(Items) };
};
