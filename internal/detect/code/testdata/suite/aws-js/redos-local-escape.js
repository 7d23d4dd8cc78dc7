// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
// A hand-written escape helper: every metacharacter gets a backslash, so
// the pattern matches the text literally.
function quoteRe(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keepAll(text) {
  return String(text).trim();
}

const LINES = ['error: disk full', 'warning: slow query'];

exports.vulnerable = async (event) => {
  const { term } = JSON.parse(event.Records[0].body);
  const re = new RegExp(keepAll(term), 'g'); // want "code/redos"
  return LINES.filter((l) => re.test(l));
};

exports.fixed = async (event) => {
  const { term } = JSON.parse(event.Records[0].body);
  const re = new RegExp(quoteRe(term), 'g');
  return LINES.filter((l) => re.test(l));
};
