const ok = require('./ok');
exports.handler = async (event) => {
  if (event.x {
    return ok.run(;
  }
};
const later = require('./later');
