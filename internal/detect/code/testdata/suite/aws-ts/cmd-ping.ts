// fixture: provider=aws trigger=http handlers=vulnerable,fixed
import { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { exec, execFile } from 'child_process';

interface PingQuery {
  host: string;
}

export const vulnerable = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const q = event.queryStringParameters as unknown as PingQuery;
  exec(`ping -c 1 ${q.host}`); // want "code/os-command-injection"
  return { statusCode: 202, body: '' };
};

export const fixed = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const q = event.queryStringParameters as unknown as PingQuery;
  execFile('ping', ['-c', '1', q.host!]);
  return { statusCode: 202, body: '' };
};
