'use strict';

const fs = require('fs').promises;
const path = require('path');
const store = require('../lib/store');

const BACKUP_DIR = process.env.BACKUP_DIR || '/home/data/backups';

module.exports = async function (context, req) {
  const users = await store.listUsers();
  const snapshot = {};
  for (const userId of users) {
    snapshot[`${userId}.json`] = await store.load(userId);
  }

  const name = `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await fs.mkdir(BACKUP_DIR, { recursive: true });
  await fs.writeFile(path.join(BACKUP_DIR, name), JSON.stringify(snapshot));

  context.log(`backup ${name} holds ${users.length} users`);
  context.res = { status: 200, body: { name, users: users.length } };
};
