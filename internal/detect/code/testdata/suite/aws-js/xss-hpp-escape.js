// fixture: provider=aws trigger=http handlers=vulnerable,fixed
// A home-made escape that leaves non-strings alone: an array from a JSON
// body passes through unescaped unless the handler checks the type first.
function escape(s) {
  return typeof s === 'string' ? s.replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

function page(title) {
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<title>' + title + '</title>' }; // want "code/xss"
}

exports.vulnerable = async (event) => {
  const { title } = JSON.parse(event.body);
  return page(escape(title));
};

exports.fixed = async (event) => {
  const { title } = JSON.parse(event.body);
  if (typeof title !== 'string') {
    return { statusCode: 400 };
  }
  return page(escape(title));
};
