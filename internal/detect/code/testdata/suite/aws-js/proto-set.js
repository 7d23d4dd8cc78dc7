// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const _ = require('lodash');

const OPTIONS = ['color', 'size'];

exports.vulnerable = async (event) => {
  const input = JSON.parse(event.body);
  const settings = {};
  for (const [k, v] of Object.entries(input)) {
    _.set(settings, k, v); // want "code/prototype-pollution"
  }
  return { statusCode: 200, body: JSON.stringify(settings) };
};

exports.fixed = async (event) => {
  const input = JSON.parse(event.body);
  const settings = {};
  for (const [k, v] of Object.entries(input)) {
    if (OPTIONS.includes(k)) {
      _.set(settings, k, v);
    }
  }
  return { statusCode: 200, body: JSON.stringify(settings) };
};
