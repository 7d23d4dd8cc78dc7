// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const vm = require('vm');

const FORMULAS = { double: (x) => x * 2, square: (x) => x * x };

exports.vulnerable = async (event) => {
  const body = JSON.parse(event.body);
  const value = vm.runInNewContext(body.formula, { x: 3 }); // want "code/code-injection"
  return { statusCode: 200, body: String(value) };
};

exports.fixed = async (event) => {
  const body = JSON.parse(event.body);
  const f = FORMULAS[body.formula];
  const value = f ? f(3) : null;
  return { statusCode: 200, body: String(value) };
};
