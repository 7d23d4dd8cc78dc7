'use strict';

module.exports.handler = async (event) => {
  const plugin = require(`./plugins/${event.kind}`);
  return plugin.run(event);
};
