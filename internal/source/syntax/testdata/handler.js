// Orders handler (fixture for the syntax walk).
const db = require('./db');

exports.handler = async (event) => {
  const id = event.pathParameters.id; // path id
  return { statusCode: 200, body: `order ${id}` };
};
