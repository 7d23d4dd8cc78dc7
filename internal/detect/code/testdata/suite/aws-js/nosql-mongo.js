// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);

exports.vulnerable = async (event) => {
  const body = JSON.parse(event.body);
  const users = client.db('app').collection('users');
  const user = await users.findOne({ user: body.user, pass: body.pass }); // want "code/nosql-injection"
  return { statusCode: user ? 200 : 401 };
};

exports.fixed = async (event) => {
  const body = JSON.parse(event.body);
  const users = client.db('app').collection('users');
  const user = await users.findOne({ user: String(body.user), pass: String(body.pass) });
  return { statusCode: user ? 200 : 401 };
};
