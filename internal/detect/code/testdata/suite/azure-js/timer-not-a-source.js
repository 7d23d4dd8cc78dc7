// fixture: provider=azure trigger=timerTrigger handlers=cleanup
const { exec } = require('child_process');

module.exports.cleanup = async function (context, timer) {
  exec(`find /tmp -mtime +1 -name '${timer.scheduleStatus}' -delete`);
};
