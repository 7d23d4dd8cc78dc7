module.exports = async function (context) {
  context.res = { body: 'gone' };
};
