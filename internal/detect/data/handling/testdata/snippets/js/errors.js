'use strict';
// Error details in responses, and the deliberate or generic answers.
const db = require('./db');

function response(statusCode, body) {
  return { statusCode, body: JSON.stringify(body) };
}

module.exports.get = async (event) => {
  try {
    return response(200, await db.get(event.pathParameters.id));
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify(err) }; // want error-details-exposed
  }
};

module.exports.list = async () => {
  try {
    return response(200, await db.list());
  } catch (e) {
    return {
      statusCode: 500,
      body: JSON.stringify({ message: 'failed', detail: e.stack }), // want error-details-exposed
    };
  }
};

module.exports.create = async (event) => {
  let input;
  try {
    input = JSON.parse(event.body);
  } catch (err) {
    return response(400, { message: err.message });
  }
  try {
    return response(201, await db.put(input));
  } catch (err) {
    console.error('put failed', err);
    return response(500, { message: err.message }); // want error-details-exposed
  }
};

module.exports.remove = async (event) => {
  try {
    await db.remove(event.pathParameters.id);
    return { statusCode: 204 };
  } catch (error) {
    console.error(error);
    return { statusCode: error.statusCode || 500, body: `${error}` }; // want error-details-exposed
  }
};

module.exports.update = async (event) => {
  try {
    return response(200, await db.update(JSON.parse(event.body)));
  } catch (err) {
    console.error(err);
    return { statusCode: 500, body: JSON.stringify({ error: 'internal error', code: err.code }) };
  }
};

module.exports.legacy = (event, context, callback) => {
  db.get(event.id, (err, item) => {
    if (err) {
      return callback(null, { statusCode: 500, body: String(err) }); // want error-details-exposed
    }
    return callback(null, { statusCode: 200, body: JSON.stringify(item) });
  });
};

function expressStyle(app) {
  app.get('/items', (req, res) => {
    db.list()
      .then((items) => res.json(items))
      .catch((err) => res.status(500).send(err.stack)); // want error-details-exposed
  });
  app.get('/items/:id', (req, res) => {
    db.get(req.params.id)
      .then((item) => res.json(item))
      .catch((err) => res.status(404).json({ error: err.message }));
  });
  app.use((err, req, res, next) => {
    res.status(500).json({ error: err.message, stack: err.stack }); // want error-details-exposed
  });
}

module.exports.expressStyle = expressStyle;
