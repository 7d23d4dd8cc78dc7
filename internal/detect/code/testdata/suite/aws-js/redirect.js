// fixture: provider=aws trigger=http handlers=vulnerable,fixed
const PAGES = ['/home', '/orders'];

exports.vulnerable = async (event) => {
  const next = event.queryStringParameters.next;
  return { statusCode: 302, headers: { Location: next } }; // want "code/open-redirect"
};

exports.fixed = async (event) => {
  const next = event.queryStringParameters.next;
  return { statusCode: 302, headers: { Location: PAGES.includes(next) ? next : '/home' } };
};
