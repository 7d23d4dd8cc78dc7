// fixture: provider=azure trigger=httpTrigger model=code handlers=download,downloadFixed
import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { promises as fs } from 'fs';
import * as path from 'path';

const REPORTS = '/home/site/reports';

// Route parameters of a v4 request are in request.params.
export async function download(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> { // entry: download
  const name = request.params.name;
  const data = await fs.readFile(path.join(REPORTS, name)); // want "code/path-traversal"
  return { body: data };
}

export async function downloadFixed(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> { // entry: downloadFixed
  const name = path.basename(request.params.name);
  const data = await fs.readFile(path.join(REPORTS, name));
  return { body: data };
}

app.get('download', { route: 'reports/{name}', handler: download });
app.get('downloadFixed', { route: 'reports2/{name}', handler: downloadFixed });
