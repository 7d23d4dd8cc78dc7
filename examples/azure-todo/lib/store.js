'use strict';

const crypto = require('crypto');
const fs = require('fs').promises;
const path = require('path');

const DATA_DIR = process.env.DATA_DIR || '/home/data/todos';
const SHARED_DIR = path.join(DATA_DIR, 'shared');
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function fileFor(dir, id) {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new Error('invalid id');
  }
  return path.join(dir, `${id}.json`);
}

async function readJson(file, fallback) {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') {
      return fallback;
    }
    throw err;
  }
}

async function writeJson(file, value) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(value, null, 2));
}

function load(userId) {
  return readJson(fileFor(DATA_DIR, userId), []);
}

function save(userId, todos) {
  return writeJson(fileFor(DATA_DIR, userId), todos);
}

async function listUsers() {
  const names = await fs.readdir(DATA_DIR).catch(() => []);
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
}

async function publish(userId, title) {
  const shareId = crypto.randomBytes(12).toString('hex');
  const todos = await load(userId);
  await writeJson(fileFor(SHARED_DIR, shareId), { owner: userId, title, todos });
  return shareId;
}

function loadShared(shareId) {
  return readJson(fileFor(SHARED_DIR, shareId), null);
}

module.exports = {
  DATA_DIR,
  load,
  save,
  listUsers,
  publish,
  loadShared,
};
