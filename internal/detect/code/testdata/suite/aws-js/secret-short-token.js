// fixture: provider=aws trigger=authorizer handlers=vulnerable,fixed
const crypto = require('crypto');

// A known miss: a short, word-like token written in the code ("letmein")
// does not look like a secret, so the comparison is not reported (the rule
// asks for 8+ characters mixing letters and digits to stay precise).
exports.vulnerable = async (event) => {
  if (event.headers.token === 'letmein') { // want-miss "code/insecure-secret-comparison"
    return { principalId: 'user', policyDocument: allow(event.methodArn) };
  }
  throw new Error('Unauthorized');
};

exports.fixed = async (event) => {
  const given = Buffer.from(event.headers.token || '');
  const expected = Buffer.from(process.env.GATEWAY_TOKEN || '');
  if (given.length === expected.length && given.length > 0 && crypto.timingSafeEqual(given, expected)) {
    return { principalId: 'user', policyDocument: allow(event.methodArn) };
  }
  throw new Error('Unauthorized');
};

function allow(resource) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] };
}
