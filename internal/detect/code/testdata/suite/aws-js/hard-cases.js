// fixture: provider=aws trigger=http handlers=vulnerable,fixed
// Harder shapes: what the engine follows, what it does not (want-miss),
// and look-alikes it must leave alone.
const cp = require('child_process');
const store = require('../lib/kv');

const MODES = ['fast', 'safe'];

function run() {
  return cp.exec(arguments[0]); // want "code/os-command-injection"
}

exports.vulnerable = async (event) => {
  const q = event.queryStringParameters;
  cp.exec(['tar', 'xf', q.archive].join(' ')); // want "code/os-command-injection"
  const { file: f = 'default.txt' } = q;
  cp.execSync('cat ' + f); // want "code/os-command-injection"
  run('wc -l ' + q.list);
  const exec = Reflect.get(cp, 'exec');
  exec(q.cmd); // want "code/os-command-injection"
  await store.put('last', q.cmd);
  const last = await store.get('last');
  cp.exec(last); // want-miss "code/os-command-injection"
};

exports.fixed = async (event) => {
  const q = event.queryStringParameters;
  cp.exec(`ls ${Object.keys(q).length}`);
  switch (q.mode) {
    case 'fast':
    case 'safe':
      cp.exec('run --mode ' + q.mode);
      break;
    default:
      break;
  }
  if (q.cmd === 'status') {
    cp.exec(q.cmd);
  }
  cp.exec('ls ' + (MODES.includes(q.dir) ? q.dir : '.'));
  const execFile = Reflect.get(cp, 'execFile');
  execFile('ls', [Reflect.get(q, 'dir')]);
};
