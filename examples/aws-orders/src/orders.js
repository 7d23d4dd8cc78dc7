'use strict';

const _ = require('lodash');
const { v4: uuidv4 } = require('uuid');
const db = require('./lib/db');
const payments = require('./lib/payments');
const queue = require('./lib/queue');
const PRICES = require('./prices.json');

const ORDER_DEFAULTS = {
  status: 'PENDING',
  currency: 'EUR',
  items: [],
  shipping: { method: 'standard', giftWrap: false },
};

function response(statusCode, body) {
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
    },
    body: JSON.stringify(body),
  };
}

function totalOf(items) {
  return items.reduce((sum, item) => {
    const price = PRICES[item.sku];
    if (price === undefined) {
      throw new Error(`Unknown product ${item.sku}`);
    }
    return sum + price * Math.max(1, parseInt(item.quantity, 10) || 1);
  }, 0);
}

module.exports.create = async (event) => {
  console.log('createOrder event', JSON.stringify(event));

  let input;
  try {
    input = JSON.parse(event.body || '{}');
  } catch (err) {
    return response(400, { message: 'Request body must be valid JSON' });
  }

  const order = _.merge({}, ORDER_DEFAULTS, input);

  // The checkout sends print options as paths, e.g. {"shipping.giftWrap": true}.
  Object.entries(input.options || {}).forEach(([option, value]) => {
    _.set(order, option, value);
  });

  order.id = uuidv4();
  order.createdAt = new Date().toISOString();

  try {
    order.total = totalOf(order.items);
  } catch (err) {
    return response(400, { message: err.message });
  }

  const intent = await payments.createIntent({
    orderId: order.id,
    amount: order.total,
    currency: order.currency,
  });
  order.paymentIntentId = intent.id;

  await db.putOrder(order);
  await queue.publishOrderCreated(order);

  return response(201, {
    id: order.id,
    total: order.total,
    clientSecret: intent.client_secret,
  });
};

module.exports.get = async (event) => {
  const { id } = event.pathParameters;
  const { sub } = event.requestContext.authorizer.claims;

  const order = await db.getOrder(id);
  if (!order || order.customerId !== sub) {
    return response(404, { message: 'Order not found' });
  }

  return response(200, _.omit(order, ['paymentIntentId']));
};
