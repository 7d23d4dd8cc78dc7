import axios from 'axios';
import { fetch as undiciFetch } from 'undici';

const BASE: string = 'http://billing.partner-shop.io'; // want plaintext-transport
const SAFE_BASE = 'https://billing.partner-shop.io';

export async function handler(event: { id: string }) {
  const invoice = await axios.get<string>(`${BASE}/invoices/${event.id}`);
  const copy = await undiciFetch(new URL(`/invoices/${event.id}`, 'http://archive.partner-shop.io')); // want plaintext-transport
  const safe = await axios.get(`${SAFE_BASE}/status`);
  return { invoice: invoice.data, copy: copy.status, safe: safe.status };
}
