'use strict';

const { v4: uuidv4 } = require('uuid');
const store = require('../lib/store');

const MAX_TEXT = 280;
const MAX_TODOS = 500;

function reply(status, body) {
  return { status, headers: { 'Content-Type': 'application/json' }, body };
}

function validate(input, partial) {
  if (!input || typeof input !== 'object') {
    return 'body must be a JSON object';
  }
  if (!partial || input.text !== undefined) {
    if (typeof input.text !== 'string' || input.text.trim() === '') {
      return 'text is required';
    }
    if (input.text.length > MAX_TEXT) {
      return `text must be at most ${MAX_TEXT} characters`;
    }
  }
  if (input.done !== undefined && typeof input.done !== 'boolean') {
    return 'done must be true or false';
  }
  return null;
}

async function create(userId, todos, body) {
  const problem = validate(body, false);
  if (problem) {
    return reply(400, { error: problem });
  }
  if (todos.length >= MAX_TODOS) {
    return reply(409, { error: 'too many todos' });
  }
  const now = new Date().toISOString();
  const todo = { id: uuidv4(), text: body.text.trim(), done: false, createdAt: now, updatedAt: now };
  todos.push(todo);
  await store.save(userId, todos);
  return reply(201, todo);
}

async function update(userId, todos, id, body) {
  const todo = todos.find((t) => t.id === id);
  if (!todo) {
    return reply(404, { error: 'no such todo' });
  }
  const problem = validate(body, true);
  if (problem) {
    return reply(400, { error: problem });
  }
  if (body.text !== undefined) {
    todo.text = body.text.trim();
  }
  if (body.done !== undefined) {
    todo.done = body.done;
  }
  todo.updatedAt = new Date().toISOString();
  await store.save(userId, todos);
  return reply(200, todo);
}

async function remove(userId, todos, id) {
  const kept = todos.filter((t) => t.id !== id);
  if (kept.length === todos.length) {
    return reply(404, { error: 'no such todo' });
  }
  await store.save(userId, kept);
  return reply(204);
}

async function share(userId, body) {
  const title = body && typeof body.title === 'string' ? body.title.slice(0, 100) : 'My todos';
  const shareId = await store.publish(userId, title);
  return reply(201, { shareId, url: `/api/share/${shareId}` });
}

module.exports = async function (context, req) {
  // Set by App Service authentication in front of the app.
  const userId = req.headers['x-ms-client-principal-id'];
  if (!userId) {
    context.res = reply(401, { error: 'sign in first' });
    return;
  }

  const id = context.bindingData.id;
  const todos = await store.load(userId);

  switch (req.method) {
    case 'GET':
      context.res = id
        ? reply(todos.some((t) => t.id === id) ? 200 : 404, todos.find((t) => t.id === id))
        : reply(200, todos);
      break;
    case 'POST':
      context.res = req.query.share === 'true'
        ? await share(userId, req.body)
        : await create(userId, todos, req.body);
      break;
    case 'PUT':
      context.res = await update(userId, todos, id, req.body);
      break;
    case 'DELETE':
      context.res = await remove(userId, todos, id);
      break;
    default:
      context.res = reply(405, { error: 'method not allowed' });
  }
};
