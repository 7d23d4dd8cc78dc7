'use strict';

const express = require('express');
const _ = require('lodash');

const app = express();
app.use(express.json());

app.post('/cart', (req, res) => {
  const cart = _.pick(req.body, ['items', 'coupon']);
  res.json({ total: _.sumBy(cart.items || [], 'price') });
});

module.exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(app.name) });
