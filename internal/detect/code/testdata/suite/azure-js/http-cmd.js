// fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
const { exec } = require('child_process');

const HOST = /^[a-z0-9.-]{1,253}$/i;

module.exports.vulnerable = async function (context, req) {
  const host = req.query.host;
  exec('nslookup ' + host, (err, out) => { // want "code/os-command-injection"
    context.res = { body: out };
  });
};

module.exports.fixed = async function (context, req) {
  const host = req.query.host;
  if (!HOST.test(host)) {
    context.res = { status: 400 };
    return;
  }
  exec('nslookup ' + host, (err, out) => {
    context.res = { body: out };
  });
};
