'use strict';

const assert = require('assert');
const serialize = require('node-serialize');
const { encode } = require('../src/lib/queue');

describe('queue.encode', () => {
  it('round-trips an order', () => {
    const order = {
      id: 'b7f3c1d2-0a4e-4c55-9a61-3f0d2b8e7c10',
      total: 2598,
      currency: 'EUR',
      customer: { name: 'Ada Byron', email: 'ada@example.org' },
    };

    const decoded = serialize.unserialize(encode(order));

    assert.deepStrictEqual(decoded, order);
  });
});
