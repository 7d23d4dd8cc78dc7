// fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
const { exec, execFile } = require('child_process');

exports.vulnerable = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key);
    exec(`convert /tmp/${key} /tmp/thumb.png`); // want "code/os-command-injection"
  }
};

exports.fixed = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key);
    execFile('convert', [`/tmp/${key}`, '/tmp/thumb.png']);
  }
};
