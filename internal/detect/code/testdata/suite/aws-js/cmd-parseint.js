// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const { exec } = require('child_process');

exports.vulnerable = async (event) => {
  const pid = event.pathParameters.pid;
  exec('kill -TERM ' + pid); // want "code/os-command-injection"
};

exports.fixed = async (event) => {
  const pid = parseInt(event.pathParameters.pid, 10);
  exec('kill -TERM ' + pid);
};
