'use strict';

const fs = require('fs').promises;
const path = require('path');
const { DATA_DIR } = require('../lib/store');

module.exports = async function (context, req) {
  const { file, todos } = req.body || {};
  if (typeof file !== 'string' || !Array.isArray(todos)) {
    context.res = { status: 400, body: { error: 'expected { file, todos[] }' } };
    return;
  }

  const target = path.join(DATA_DIR, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, JSON.stringify(todos, null, 2));

  context.log(`restored ${todos.length} todos into ${target}`);
  context.res = { status: 200, body: { file, restored: todos.length } };
};
