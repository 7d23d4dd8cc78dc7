'use strict';

const fs = require('fs');
const path = require('path');
const dust = require('dustjs-linkedin');
require('dustjs-helpers');
const store = require('../lib/store');

const TEMPLATE = path.join(__dirname, '..', 'templates', 'shared-list.dust');

dust.loadSource(dust.compile(fs.readFileSync(TEMPLATE, 'utf8'), 'shared-list'));

function render(name, context) {
  return new Promise((resolve, reject) => {
    dust.render(name, context, (err, html) => (err ? reject(err) : resolve(html)));
  });
}

module.exports = async function (context, req) {
  let list;
  try {
    list = await store.loadShared(context.bindingData.shareId);
  } catch (err) {
    list = null;
  }
  if (!list) {
    context.res = { status: 404, body: 'This list does not exist or is no longer shared.' };
    return;
  }

  const theme = req.query.theme || (req.body && req.body.theme) || 'light';

  const html = await render('shared-list', {
    title: list.title,
    todos: list.todos,
    theme,
  });

  context.res = {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: html,
  };
};
