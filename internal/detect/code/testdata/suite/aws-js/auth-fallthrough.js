// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const db = require('../lib/admin-db');

function authorized(event) {
  return event.requestContext.authorizer && event.requestContext.authorizer.role === 'admin';
}

exports.vulnerable = (event, context, callback) => {
  if (!authorized(event)) { // want "code/auth-check-falls-through"
    callback(null, { statusCode: 403, body: 'forbidden' });
  }
  db.dropTable(event.pathParameters.table);
  callback(null, { statusCode: 204 });
};

exports.fixed = (event, context, callback) => {
  if (!authorized(event)) {
    callback(null, { statusCode: 403, body: 'forbidden' });
    return;
  }
  db.dropTable(event.pathParameters.table);
  callback(null, { statusCode: 204 });
};
