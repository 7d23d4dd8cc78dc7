// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
const serialize = require('node-serialize');

exports.vulnerable = async (event) => {
  for (const record of event.Records) {
    const msg = serialize.unserialize(record.body); // want "code/insecure-deserialization"
    console.log(msg.id);
  }
};

exports.fixed = async (event) => {
  for (const record of event.Records) {
    const msg = JSON.parse(record.body);
    console.log(msg.id);
  }
};
