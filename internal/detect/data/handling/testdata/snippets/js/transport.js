'use strict';
// Plaintext endpoints reaching HTTP clients, and what must not be reported.
const http = require('http');
const axios = require('axios');
const got = require('got');
const fetch = require('node-fetch');
const WebSocket = require('ws');
const { request: send } = require('http');

const ORDERS_API = 'http://orders.partner-shop.io/v2'; // want plaintext-transport
const LOCAL_API = 'http://localhost:3000/api';
const DOCS = 'http://docs.partner-shop.io/guide'; // a link, never requested
const NS = 'http://www.w3.org/2000/svg';
const METADATA = 'http://169.254.169.254/latest/meta-data/';
const SECURE_API = 'https://orders.partner-shop.io/v2';
const config = { inventoryUrl: 'http://inventory.partner-shop.io/stock', other: 'http://unused.partner-shop.io' }; // want plaintext-transport
const FALLBACK = process.env.PRICES_URL || 'http://prices.partner-shop.io'; // want plaintext-transport

const client = axios.create({ baseURL: 'http://crm.partner-shop.io/api' }); // want plaintext-transport

async function sync(id) {
  await fetch(`${ORDERS_API}/orders/${id}`);
  await fetch(ORDERS_API + '/ping');
  await got(`http://tracking.partner-shop.io/parcels/${id}`); // want plaintext-transport
  await got(`http://${process.env.TRACKING_HOST}/parcels/${id}`);
  await axios.post('http://webhooks.partner-shop.io/order', { id }); // want plaintext-transport
  await axios.get(config.inventoryUrl);
  await axios.get(FALLBACK);
  await client.get(`/customers/${id}`);
  await fetch(LOCAL_API);
  await fetch(METADATA);
  await fetch(SECURE_API);
  await fetch('http://example.com/test');
  http.get('http://legacy.partner-shop.io/feed.xml', () => {}); // want plaintext-transport
  send({ host: 'legacy.partner-shop.io', path: '/x' }); // want plaintext-transport
  send({ hostname: 'localhost', port: 8080 });
  send('http://reports.partner-shop.io/daily'); // want plaintext-transport
  const ws = new WebSocket('ws://stream.partner-shop.io/events'); // want plaintext-transport
  const cache = new Map();
  cache.get(ORDERS_API);
  return [ws, DOCS, NS];
}

module.exports = { sync };
