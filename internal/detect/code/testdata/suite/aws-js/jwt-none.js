// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const jwt = require('jsonwebtoken');

exports.vulnerable = async (event) => {
  const claims = jwt.verify(event.headers.authorization, process.env.KEY, { algorithms: ['HS256', 'none'] }); // want "code/jwt-none-algorithm"
  return { statusCode: 200, body: claims.sub };
};

exports.fixed = async (event) => {
  const claims = jwt.verify(event.headers.authorization, process.env.KEY, { algorithms: ['HS256'] });
  return { statusCode: 200, body: claims.sub };
};
