module.exports = async function (context, req) {
  try {
    context.res = { status: 200, body: await load(req.query.id) };
  } catch (err) {
    context.log.error(err);
    context.res = { status: 500, body: err }; // want error-details-exposed
  }
};

module.exports.other = async function (context) {
  try {
    context.res = { body: await load('x') };
  } catch (err) {
    context.res = { body: err.message }; // want error-details-exposed
  }
};

module.exports.safe = async function (context) {
  try {
    context.res = { body: await load('x') };
  } catch (err) {
    context.log.error(err);
    context.res = { status: 500, body: { error: 'internal error', id: context.invocationId } };
  }
};

async function load(id) {
  return id;
}
