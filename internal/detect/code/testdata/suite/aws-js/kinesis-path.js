// fixture: provider=aws trigger=kinesis handlers=vulnerable,fixed
const fs = require('fs');
const path = require('path');

exports.vulnerable = async (event) => {
  for (const r of event.Records) {
    const entry = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8'));
    fs.appendFileSync(path.join('/tmp/logs', entry.stream), entry.line); // want "code/path-traversal"
  }
};

exports.fixed = async (event) => {
  for (const r of event.Records) {
    const entry = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8'));
    fs.appendFileSync(path.join('/tmp/logs', path.basename(String(entry.stream))), entry.line);
  }
};
