// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const fetch = require('node-fetch');

exports.vulnerable = async (event) => {
  const { url } = JSON.parse(event.body);
  const res = await fetch(url); // want "code/ssrf"
  return { statusCode: res.status };
};

exports.fixed = async (event) => {
  const { id } = JSON.parse(event.body);
  const res = await fetch(`https://api.example.com/items/${encodeURIComponent(id)}`);
  return { statusCode: res.status };
};
