module.exports = async function (context, timer) {
  context.bindings.mail = { subject: 'report' };
};
