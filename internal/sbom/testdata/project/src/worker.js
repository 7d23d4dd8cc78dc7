const helper = require('old-helper');
const acme = require('acme-sdk');

module.exports.handler = async (event) => {
  for (const record of event.Records) {
    await acme.send(helper.normalise(record.body));
  }
};
