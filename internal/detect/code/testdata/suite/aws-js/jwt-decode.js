// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const jwt = require('jsonwebtoken');

exports.vulnerable = async (event) => {
  const token = event.headers.authorization.replace('Bearer ', '');
  const claims = jwt.decode(token); // want "code/jwt-not-verified"
  if (claims.role !== 'admin') {
    return { statusCode: 403 };
  }
  return { statusCode: 200 };
};

exports.fixed = async (event) => {
  const token = event.headers.authorization.replace('Bearer ', '');
  const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  if (claims.role !== 'admin') {
    return { statusCode: 403 };
  }
  return { statusCode: 200 };
};
