// fixture: provider=aws trigger=http handlers=vulnerable,fixed
import axios from 'axios';
import { APIGatewayProxyHandler } from 'aws-lambda';

export const vulnerable: APIGatewayProxyHandler = async (event) => {
  const { target } = JSON.parse(event.body ?? '{}') as { target: string };
  const res = await axios.get<string>(target); // want "code/ssrf"
  return { statusCode: res.status, body: '' };
};

export const fixed: APIGatewayProxyHandler = async (event) => {
  const { target } = JSON.parse(event.body ?? '{}') as { target: string };
  const res = await axios.get<string>(`https://preview.example.com/render?page=${encodeURIComponent(target)}`);
  return { statusCode: res.status, body: '' };
};
