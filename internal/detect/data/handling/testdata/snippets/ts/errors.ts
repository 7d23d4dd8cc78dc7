import type { APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (): Promise<APIGatewayProxyResult> => {
  try {
    return { statusCode: 200, body: await work() };
  } catch (err: any) {
    return { statusCode: 500, body: (err as Error).stack ?? 'failed' }; // want error-details-exposed
  }
};

export const safe = async (): Promise<APIGatewayProxyResult> => {
  try {
    return { statusCode: 200, body: await work() };
  } catch (err: unknown) {
    console.error(err);
    return { statusCode: 500, body: JSON.stringify({ message: 'internal error' }) };
  }
};

async function work(): Promise<string> {
  return 'ok';
}
