module.exports = async function (context, order) {
  context.bindings.sms = { body: 'order ' + order.id };
};
