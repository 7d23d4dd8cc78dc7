'use strict';

const store = require('./store');

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = parseInt(process.env.RETENTION_DAYS, 10) || 30;

function isExpired(todo, cutoff) {
  return todo.done === true && Date.parse(todo.updatedAt) < cutoff;
}

async function purgeCompleted(context, timer) {
  if (timer.isPastDue) {
    context.log.warn('cleanup is running late');
  }

  const cutoff = Date.now() - RETENTION_DAYS * DAY_MS;
  let removed = 0;

  for (const userId of await store.listUsers()) {
    const todos = await store.load(userId);
    const kept = todos.filter((todo) => !isExpired(todo, cutoff));
    if (kept.length !== todos.length) {
      removed += todos.length - kept.length;
      await store.save(userId, kept);
    }
  }

  context.log(`cleanup removed ${removed} completed todos`);
}

module.exports = { purgeCompleted };
