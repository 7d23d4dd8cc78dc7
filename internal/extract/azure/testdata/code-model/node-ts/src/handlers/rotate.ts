import { HttpRequest, HttpResponseInit } from '@azure/functions';

export default async function rotate(request: HttpRequest): Promise<HttpResponseInit> {
  return { status: 200, body: request.url };
}
