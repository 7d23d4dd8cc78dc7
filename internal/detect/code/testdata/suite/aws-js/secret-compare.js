// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const crypto = require('crypto');

exports.vulnerable = async (event) => {
  if (event.headers['x-api-key'] === 'k3y_9f8e7d6c5b4a3210') { // want "code/insecure-secret-comparison"
    return { statusCode: 200 };
  }
  return { statusCode: 403 };
};

exports.fixed = async (event) => {
  const given = Buffer.from(event.headers['x-api-key'] || '');
  const expected = Buffer.from(process.env.API_KEY);
  if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
    return { statusCode: 200 };
  }
  return { statusCode: 403 };
};
