// fixture: provider=aws trigger=sns handlers=vulnerable,fixed
const https = require('https');

exports.vulnerable = async (event) => {
  const note = JSON.parse(event.Records[0].Sns.Message);
  https.get('https://' + note.host + '/ping'); // want "code/ssrf"
};

exports.fixed = async (event) => {
  const note = JSON.parse(event.Records[0].Sns.Message);
  https.get('https://status.example.com/ping/' + note.host);
};
