// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const users = require('../lib/users');

exports.vulnerable = async (event) => {
  const name = event.queryStringParameters.name;
  return { statusCode: 200, body: JSON.stringify(await users.findByName(name)) };
};

exports.fixed = async (event) => {
  const name = event.queryStringParameters.name;
  return { statusCode: 200, body: JSON.stringify(await users.findByNameSafe(name)) };
};
