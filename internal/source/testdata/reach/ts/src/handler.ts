import type { APIGatewayProxyHandler } from 'aws-lambda';
import type { User } from './types';
import { findUser } from './service.js';
import { Page } from './components';

export const handler: APIGatewayProxyHandler = async (event) => {
  const user: User = await findUser(event.pathParameters?.id ?? '');
  return { statusCode: 200, body: Page(user) };
};
