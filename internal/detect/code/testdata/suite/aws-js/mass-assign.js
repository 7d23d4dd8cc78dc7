// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const DEFAULTS = { role: 'user', active: true };

exports.vulnerable = async (event) => {
  const body = JSON.parse(event.body);
  const user = Object.assign({ id: 'u1' }, DEFAULTS, body); // want "code/mass-assignment"
  return { statusCode: 201, body: JSON.stringify(user) };
};

exports.fixed = async (event) => {
  const body = JSON.parse(event.body);
  const user = Object.assign({ id: 'u1' }, DEFAULTS, { name: body.name, email: body.email });
  return { statusCode: 201, body: JSON.stringify(user) };
};
