// fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
const fs = require('fs');
const path = require('path');

// String.replace with a string pattern replaces the first '/' only:
// "a/../../etc/x" still climbs. The last segment of split('/') holds none.
exports.vulnerable = async (event) => {
  const key = decodeURIComponent(event.Records[0].s3.object.key);
  const local = path.join('/tmp/thumbs', key.replace('/', '-')); // want "code/path-traversal"
  return fs.promises.readFile(local);
};

exports.fixed = async (event) => {
  const key = decodeURIComponent(event.Records[0].s3.object.key);
  const local = path.join('/tmp/thumbs', key.split('/').pop());
  return fs.promises.readFile(local);
};
