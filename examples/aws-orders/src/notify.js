'use strict';

const http = require('http');
const serialize = require('node-serialize');

const MAIL_RELAY_URL = 'http://mail-relay.shop-internal.example.com:8025/v1/messages';

function send(message) {
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => {
    const req = http.request(MAIL_RELAY_URL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Api-Key': process.env.MAIL_API_KEY,
      },
    }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode < 300
        ? resolve()
        : reject(new Error(`Mail relay answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

module.exports.handler = async (event) => {
  for (const record of event.Records) {
    const order = serialize.unserialize(record.body);

    await send({
      to: order.customer.email,
      template: 'order-confirmation',
      variables: {
        name: order.customer.name,
        orderId: order.id,
        total: (order.total / 100).toFixed(2),
        currency: order.currency,
        address: order.shipping.address,
      },
    });
  }
};
