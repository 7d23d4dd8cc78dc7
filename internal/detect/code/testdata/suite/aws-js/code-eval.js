// fixture: provider=aws trigger=http handlers=vulnerable,fixed
exports.vulnerable = async (event) => {
  const { expr } = event.queryStringParameters;
  const result = eval(expr); // want "code/code-injection"
  return { statusCode: 200, body: JSON.stringify({ result }) };
};

exports.fixed = async (event) => {
  const { expr } = event.queryStringParameters;
  const result = Number(expr) * 2;
  return { statusCode: 200, body: JSON.stringify({ result }) };
};
