// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const _ = require('lodash');

const GREETING = 'Hello <%- name %>!';

exports.vulnerable = async (event) => {
  const body = JSON.parse(event.body);
  const render = _.template(body.template); // want "code/template-injection"
  return { statusCode: 200, body: render({ name: body.name }) };
};

exports.fixed = async (event) => {
  const body = JSON.parse(event.body);
  const render = _.template(GREETING);
  return { statusCode: 200, body: render({ name: body.name }) };
};
