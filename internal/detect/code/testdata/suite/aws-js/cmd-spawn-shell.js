// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const cp = require('child_process');

exports.vulnerable = async (event) => {
  const host = event.queryStringParameters.host;
  cp.spawn('ping', ['-c', '1', host], { shell: true }); // want "code/os-command-injection"
  return { statusCode: 202 };
};

exports.fixed = async (event) => {
  const host = event.queryStringParameters.host;
  cp.spawn('ping', ['-c', '1', host]);
  return { statusCode: 202 };
};
