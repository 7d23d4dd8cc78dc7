'use strict';
// Logging the whole event, headers, environment or secrets, and safe logs.
const util = require('util');
const winston = require('winston');
const { Logger, injectLambdaContext } = require('@aws-lambda-powertools/logger');
const middy = require('@middy/core');

const logger = winston.createLogger({ level: 'info' });
const powertools = new Logger({ serviceName: 'orders' });

async function handle(event, context) {
  console.log(event); // want sensitive-data-logged
  console.log('event', JSON.stringify(event, null, 2)); // want sensitive-data-logged
  console.info(util.inspect(event, { depth: null })); // want sensitive-data-logged
  logger.info({ event }); // want sensitive-data-logged
  logger.info('received', { ...event }); // want sensitive-data-logged
  console.log('headers', event.headers); // want sensitive-data-logged
  console.log(`auth ${event.headers.Authorization}`); // want sensitive-data-logged
  console.log(process.env); // want sensitive-data-logged
  console.log(context); // want sensitive-data-logged
  const body = JSON.parse(event.body);
  const { password, email } = body;
  logger.debug('login', { password }); // want sensitive-data-logged
  logger.debug('login', { user: email, pass: password }); // want sensitive-data-logged
  this.logger.warn(`token=${body.t}`); // want sensitive-data-logged
  console.log('apiKey:', body.k); // want sensitive-data-logged
  const raw = JSON.stringify(event);
  console.log(raw); // want sensitive-data-logged
  powertools.info('card', { cardNumber: body.card }); // want sensitive-data-logged

  console.log('request', event.requestContext.requestId);
  console.log(`processing ${body.items.length} items`);
  console.log('token issued', { token: '***' });
  console.log('token length', password.length);
  logger.info('login', { user: email, password: redact(password) });
  console.log('password reset requested for', email);
  console.log(Object.keys(event));
  const nextToken = body.nextToken;
  console.log('page', nextToken);
  console.log({ maxTokens: body.maxTokens, hasPassword: Boolean(password) });
  console.log(event.requestContext.identity.sourceIp === '1.2.3.4');
  const headers = { 'Content-Type': 'application/json' };
  console.log('sending', headers);
  const request = { method: 'GET', path: '/items' };
  console.log(request);
  return { statusCode: 200 };
}

function redact(v) {
  return v ? '***' : '';
}

module.exports.handler = middy(handle).use(injectLambdaContext(powertools, { logEvent: true })); // want sensitive-data-logged
module.exports.quiet = middy(handle).use(injectLambdaContext(powertools, { logEvent: false }));
