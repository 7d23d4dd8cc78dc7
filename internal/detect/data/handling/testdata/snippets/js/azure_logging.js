module.exports = async function (context, req) {
  context.log(req); // want sensitive-data-logged
  context.log.info(JSON.stringify(req.headers)); // want sensitive-data-logged
  context.log('body', req.body); // want sensitive-data-logged
  context.log(`action ${context.bindingData.action}`);
  context.log.warn('rejected admin request');
  context.res = { status: 200, body: 'ok' };
};
