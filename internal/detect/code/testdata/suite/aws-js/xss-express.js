// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const express = require('express');
const serverless = require('serverless-http');

const app = express();
app.get('/search', (req, res) => {
  res.send('<p>Results for ' + req.query.q + '</p>'); // want "code/xss"
});

const api = express();
api.get('/search', (req, res) => {
  res.json({ query: req.query.q });
});

exports.vulnerable = serverless(app);
exports.fixed = serverless(api);
