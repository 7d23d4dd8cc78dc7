// fixture: provider=aws trigger=schedule handlers=nightly
// A schedule's event is written by the account, not by an attacker.
const { exec } = require('child_process');

exports.nightly = async (event) => {
  exec(`backup --label ${event.label}`);
};
