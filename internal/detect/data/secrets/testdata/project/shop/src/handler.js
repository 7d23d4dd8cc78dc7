'use strict';

const db = require('./lib/db');

// The key id is read from the environment; the secret was pasted in by hand.
const awsConfig = {
  accessKeyId: 'AKIAC5C6BHOQMAZ6FTV4',
  secretAccessKey: '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',
};

const stripeKey = process.env.STRIPE_SECRET_KEY;
const requestId = '701beacf-6448-435b-91e8-382264d705b8';

module.exports.checkout = async (event) => {
  const order = JSON.parse(event.body || '{}');
  await db.save(order, awsConfig);
  return { statusCode: 200, body: JSON.stringify({ ok: true, requestId, key: stripeKey && 'set' }) };
};
