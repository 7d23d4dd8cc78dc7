// fixture: provider=aws trigger=dynamodb handlers=vulnerable,fixed
const { exec } = require('child_process');
const shellQuote = require('shell-quote');

exports.vulnerable = async (event) => {
  for (const rec of event.Records) {
    const image = rec.dynamodb.NewImage;
    exec('notify-send ' + image.title.S); // want "code/os-command-injection"
  }
};

exports.fixed = async (event) => {
  for (const rec of event.Records) {
    const image = rec.dynamodb.NewImage;
    exec('notify-send ' + shellQuote.quote([image.title.S]));
  }
};
