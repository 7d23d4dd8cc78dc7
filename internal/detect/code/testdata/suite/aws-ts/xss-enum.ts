// fixture: provider=aws trigger=httpApi handlers=vulnerable,fixed
import he from 'he';

enum Kind { Html = 'text/html' }

function html(body: string) {
  return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body }; // want "code/xss"
}

export const vulnerable = async (event: any) => {
  const who = event.pathParameters?.who as string;
  return html(`<p>${who}</p>`);
};

export const fixed = async (event: any) => {
  const who = event.pathParameters?.who as string;
  return html(`<p>${he.encode(who)}</p>`);
};
