// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const escapeHtml = require('escape-html');

exports.vulnerable = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html' },
    body: `<h1>Hello ${name}</h1>`, // want "code/xss"
  };
};

exports.fixed = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html' },
    body: `<h1>Hello ${escapeHtml(name)}</h1>`,
  };
};
