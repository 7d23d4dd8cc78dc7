// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
const axios = require('axios');

const HOOKS = ['https://hooks.example.com/a', 'https://hooks.example.com/b'];

exports.vulnerable = async (event) => {
  for (const record of event.Records) {
    const msg = JSON.parse(record.body);
    await axios.post(msg.callback, { done: true }); // want "code/ssrf"
  }
};

exports.fixed = async (event) => {
  for (const record of event.Records) {
    const msg = JSON.parse(record.body);
    if (!HOOKS.includes(msg.callback)) continue;
    await axios.post(msg.callback, { done: true });
  }
};
