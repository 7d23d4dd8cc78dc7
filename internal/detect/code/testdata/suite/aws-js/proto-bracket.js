// fixture: provider=aws trigger=http handlers=vulnerable,fixed
exports.vulnerable = async (event) => {
  const { section, key, value } = JSON.parse(event.body);
  const config = {};
  config[section] = config[section] || {};
  config[section][key] = value; // want "code/prototype-pollution"
  return { statusCode: 200 };
};

exports.fixed = async (event) => {
  const { section, key, value } = JSON.parse(event.body);
  const config = new Map();
  const inner = new Map();
  inner.set(key, value);
  config.set(section, inner);
  return { statusCode: 200 };
};
