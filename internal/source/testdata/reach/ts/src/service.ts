import { handler } from './handler';
export async function findUser(id: string) {
  return { id, handler };
}
