module.exports = async function (context, req) {
  context.res = { body: 'hello ' + (req.query.name || 'world') };
};
