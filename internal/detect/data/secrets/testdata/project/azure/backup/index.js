module.exports = async function (context) {
  context.res = { status: 202 };
};
