// fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
const store = require('../lib/store');

module.exports.vulnerable = async function (context, req) {
  if (!req.headers['x-ms-client-principal-id']) { // want "code/auth-check-falls-through"
    context.res = { status: 401, body: 'sign in' };
  }
  await store.wipe();
  context.res = { status: 204 };
};

module.exports.fixed = async function (context, req) {
  if (!req.headers['x-ms-client-principal-id']) {
    context.res = { status: 401, body: 'sign in' };
    return;
  }
  await store.wipe();
  context.res = { status: 204 };
};
