'use strict';

const fetch = require('node-fetch');

module.exports.handler = async (event) => {
  for (const record of event.Records) {
    await fetch('https://fulfilment.example.com/orders', { method: 'POST', body: record.body });
  }
};
