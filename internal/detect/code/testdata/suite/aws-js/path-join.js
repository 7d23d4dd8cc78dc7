// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const fs = require('fs').promises;
const path = require('path');

const DOCS = '/opt/docs';

exports.vulnerable = async (event) => {
  const file = path.join(DOCS, event.pathParameters.name); // want "code/path-traversal"
  return { statusCode: 200, body: await fs.readFile(file, 'utf8') };
};

exports.fixed = async (event) => {
  const name = event.pathParameters.name;
  if (!/^[a-z0-9_-]+\.md$/.test(name)) {
    return { statusCode: 404 };
  }
  const file = path.join(DOCS, name);
  return { statusCode: 200, body: await fs.readFile(file, 'utf8') };
};
