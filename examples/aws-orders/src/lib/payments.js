'use strict';

const https = require('https');

const PAYMENTS_HOST = 'api.payments.example.com';

function post(path, payload) {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: PAYMENTS_HOST,
      path,
      method: 'POST',
      headers: {
        Authorization: `Bearer ${process.env.PAYMENT_API_KEY}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { data += chunk; });
      res.on('end', () => {
        if (res.statusCode >= 300) {
          reject(new Error(`Payment provider answered ${res.statusCode}`));
          return;
        }
        resolve(JSON.parse(data));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function createIntent({ orderId, amount, currency }) {
  return post('/v1/payment_intents', {
    amount,
    currency: currency.toLowerCase(),
    metadata: { orderId },
  });
}

module.exports = { createIntent };
