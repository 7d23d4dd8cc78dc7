// fixture: provider=azure trigger=queueTrigger handlers=vulnerable,fixed
const fs = require('fs');
const path = require('path');

const UPLOADS = '/home/data/uploads';

module.exports.vulnerable = async function (context, item) {
  fs.unlinkSync(path.join(UPLOADS, item.file)); // want "code/path-traversal"
  context.log('removed');
};

module.exports.fixed = async function (context, item) {
  fs.unlinkSync(path.join(UPLOADS, path.basename(String(item.file))));
  context.log('removed');
};
