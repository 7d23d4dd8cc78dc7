import { app } from '@azure/functions';
import rotateKeys from '../handlers/rotate';

app.get('rotateKeys', {
  route: 'admin/keys',
  authLevel: 'function',
  handler: rotateKeys,
});
