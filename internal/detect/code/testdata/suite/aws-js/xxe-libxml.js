// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const libxmljs = require('libxmljs');

exports.vulnerable = async (event) => {
  const doc = libxmljs.parseXml(event.body, { noent: true }); // want "code/xxe"
  return { statusCode: 200, body: doc.root().name() };
};

exports.fixed = async (event) => {
  const doc = libxmljs.parseXml(event.body);
  return { statusCode: 200, body: doc.root().name() };
};
