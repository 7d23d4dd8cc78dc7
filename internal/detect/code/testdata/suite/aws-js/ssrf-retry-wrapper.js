// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
const https = require('https');

// A retry wrapper passes its arguments on with fn(...args): each keeps its
// place, so a request body from the message does not make the request's
// options attacker data.
function withRetries(attempts, fn) {
  return async (...args) => {
    for (let i = 0; ; i++) {
      try {
        return await fn(...args);
      } catch (e) {
        if (i >= attempts) throw e;
      }
    }
  };
}

function put(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => resolve(res.statusCode)); // want "code/ssrf"
    req.on('error', reject);
    req.end(body);
  });
}

exports.vulnerable = async (event) => {
  const msg = JSON.parse(event.Records[0].body);
  const options = { hostname: msg.callbackHost, path: '/hooks', method: 'PUT' };
  await withRetries(3, put)(options, JSON.stringify(msg.result));
};

function putAudited(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => resolve(res.statusCode));
    req.on('error', reject);
    req.end(body);
  });
}

exports.fixed = async (event) => {
  const msg = JSON.parse(event.Records[0].body);
  const options = { hostname: process.env.CALLBACK_HOST, path: '/hooks', method: 'PUT', headers: { 'content-length': Buffer.byteLength(msg.result) } };
  await withRetries(3, putAudited)(options, JSON.stringify(msg.result));
};
