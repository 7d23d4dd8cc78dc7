import { APIGatewayProxyEvent } from 'aws-lambda';
import pino from 'pino';

const log = pino();

export const handler = async (event: APIGatewayProxyEvent) => {
  log.info({ headers: event.headers }, 'incoming'); // want sensitive-data-logged
  log.info({ path: event.path, id: event.requestContext.requestId }, 'incoming');
  const secret = process.env.SIGNING_SECRET as string;
  console.debug('secret', secret); // want sensitive-data-logged
  console.debug('secret loaded', secret.length > 0);
  return { statusCode: 204, body: '' };
};
