// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const { z } = require('zod');
const { DynamoDBDocument } = require('@aws-sdk/lib-dynamodb');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');

const db = DynamoDBDocument.from(new DynamoDBClient({}));
const Profile = z.object({ nickname: z.string().max(40), bio: z.string().max(400) });

// Spreading the parsed body over server-owned fields lets the caller set
// them; what a schema's parse returns is a new object with only its keys.
exports.vulnerable = async (event) => {
  const body = JSON.parse(event.body);
  const item = { id: event.requestContext.authorizer.sub, plan: 'free', ...body }; // want "code/mass-assignment"
  await db.put({ TableName: process.env.TABLE, Item: item });
  return { statusCode: 204 };
};

exports.fixed = async (event) => {
  const body = JSON.parse(event.body);
  const item = { id: event.requestContext.authorizer.sub, plan: 'free', ...Profile.parse(body) };
  await db.put({ TableName: process.env.TABLE, Item: item });
  return { statusCode: 204 };
};
