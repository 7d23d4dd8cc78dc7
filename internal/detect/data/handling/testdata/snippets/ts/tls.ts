import https from 'https';
import axios from 'axios';

const agent = new https.Agent({ rejectUnauthorized: false as boolean }); // want tls-verification-disabled

export async function handler(event: { id: string }): Promise<unknown> {
  const client = axios.create({
    httpsAgent: new https.Agent({ rejectUnauthorized: false }), // want tls-verification-disabled+creds
    headers: { 'X-Api-Key': process.env.PARTNER_KEY as string },
  });
  const safe = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  return Promise.all([client.get(`/items/${event.id}`), safe.get('/health'), agent]);
}
