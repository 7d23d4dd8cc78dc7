// fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
const { encode } = require('html-entities');

module.exports.vulnerable = async function (context, req) {
  const name = (req.body && req.body.name) || 'guest';
  context.res = {
    headers: { 'Content-Type': 'text/html' },
    body: `<p>Welcome, ${name}</p>`, // want "code/xss"
  };
};

module.exports.fixed = async function (context, req) {
  const name = (req.body && req.body.name) || 'guest';
  context.res = {
    headers: { 'Content-Type': 'text/html' },
    body: `<p>Welcome, ${encode(String(name))}</p>`,
  };
};
