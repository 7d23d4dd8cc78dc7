const keys = require('../config/keys.json');

module.exports = async function (context, req) {
  const res = await fetch(`${keys.baseUrl}/backup?code=${keys.functions.backup}`, { method: 'POST' });
  context.res = { status: res.status };
};
