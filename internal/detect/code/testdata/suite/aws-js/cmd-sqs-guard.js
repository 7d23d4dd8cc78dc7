// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
const { execSync } = require('child_process');

const NAME = /^[a-z0-9-]{1,40}$/;

exports.vulnerable = async (event) => {
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    execSync(`rm -rf /tmp/jobs/${job.name}`); // want "code/os-command-injection"
  }
};

exports.fixed = async (event) => {
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    if (typeof job.name !== 'string' || !NAME.test(job.name)) {
      continue;
    }
    execSync(`rm -rf /tmp/jobs/${job.name}`);
  }
};
