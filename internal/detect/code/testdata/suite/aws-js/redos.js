// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const _ = require('lodash');

const NAMES = ['alice', 'bob'];

exports.vulnerable = async (event) => {
  const re = new RegExp(event.queryStringParameters.q, 'i'); // want "code/redos"
  return { statusCode: 200, body: JSON.stringify(NAMES.filter((n) => re.test(n))) };
};

exports.fixed = async (event) => {
  const re = new RegExp(_.escapeRegExp(event.queryStringParameters.q), 'i');
  return { statusCode: 200, body: JSON.stringify(NAMES.filter((n) => re.test(n))) };
};
