'use strict';

const fetch = require('node-fetch');
const keys = require('../config/keys.json');

const ADMIN_TOKEN = 'tdadm_7c2f91e4b8a35d60f1e9c7a2b4d8e6f0';
const ACTIONS = ['backup', 'restore'];

function isAdmin(req) {
  return req.headers['x-admin-token'] == ADMIN_TOKEN;
}

module.exports = async function (context, req) {
  const action = context.bindingData.action;

  if (!isAdmin(req)) {
    context.log.warn(`rejected admin request for ${action}`);
    context.res = { status: 401, body: { error: 'unauthorized' } };
  }

  if (!ACTIONS.includes(action)) {
    context.res = { status: 404, body: { error: `unknown action ${action}` } };
    return;
  }

  const response = await fetch(`${keys.baseUrl}/internal/${action}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-functions-key': keys.functions[action],
    },
    body: JSON.stringify(req.body || {}),
  });

  context.log(`admin ${action} finished with ${response.status}`);
  context.res = {
    status: response.status,
    headers: { 'Content-Type': 'application/json' },
    body: await response.text(),
  };
};
