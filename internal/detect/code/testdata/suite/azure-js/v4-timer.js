// fixture: provider=azure trigger=timerTrigger model=code handlers=nightly
const { app } = require('@azure/functions');
const { execSync } = require('child_process');

// A timer's argument is schedule information, not attacker data.
app.timer('nightly', {
  schedule: '0 0 2 * * *',
  handler: async (timer, context) => { // entry: nightly inline
    execSync('find /tmp -mtime +1 -delete ' + (timer.isPastDue ? '-print' : ''));
  },
});
