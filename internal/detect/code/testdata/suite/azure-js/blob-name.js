// fixture: provider=azure trigger=blobTrigger handlers=vulnerable,fixed
const { execFile, exec } = require('child_process');

module.exports.vulnerable = async function (context, blob) {
  const name = context.bindingData.name;
  exec(`ffmpeg -i /mnt/in/${name} /mnt/out/${name}.mp3`); // want "code/os-command-injection"
};

module.exports.fixed = async function (context, blob) {
  const name = context.bindingData.name;
  execFile('ffmpeg', ['-i', `/mnt/in/${name}`, `/mnt/out/${name}.mp3`]);
};
