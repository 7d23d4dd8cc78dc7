// fixture: provider=aws trigger=http handlers=vulnerable,fixed
import { execSync } from 'child_process';

const TOOLS = ['df', 'uptime'];

class Diagnostics {
  constructor(private readonly prefix: string) {}

  run(tool: string): string {
    return execSync(`${this.prefix}${tool}`).toString(); // want "code/os-command-injection"
  }
}

export const vulnerable = async (event: { queryStringParameters: Record<string, string> }) => {
  const d = new Diagnostics('/usr/bin/');
  return { statusCode: 200, body: d.run(event.queryStringParameters.tool) };
};

export const fixed = async (event: { queryStringParameters: Record<string, string> }) => {
  const tool = event.queryStringParameters.tool;
  if (!TOOLS.includes(tool)) {
    return { statusCode: 400, body: '' };
  }
  const d = new Diagnostics('/usr/bin/');
  return { statusCode: 200, body: d.run(tool) };
};
