// fixture: provider=aws trigger=http handlers=vulnerable,fixed
function refresh(name) { return name; }

exports.vulnerable = async (event) => {
  const name = event.queryStringParameters.name;
  setTimeout(`refresh('${name}')`, 10); // want "code/code-injection"
};

exports.fixed = async (event) => {
  const name = event.queryStringParameters.name;
  setTimeout(() => refresh(name), 10);
};
