// fixture: provider=azure trigger=httpTrigger model=code handlers=vulnerable,fixed
const { app } = require('@azure/functions');
const { exec, execFile } = require('child_process');

// An inline v4 handler: query parameters come from request.query.get().
app.http('traceVulnerable', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request, context) => { // entry: vulnerable inline
    const host = request.query.get('host') || 'localhost';
    context.log(`tracing ${host}`);
    exec(`traceroute -m 5 ${host}`, (err, out) => context.log(out)); // want "code/os-command-injection"
    return { status: 202 };
  },
});

app.http('traceFixed', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request, context) => { // entry: fixed inline
    const host = request.query.get('host') || 'localhost';
    execFile('traceroute', ['-m', '5', '--', host], (err, out) => context.log(out));
    return { status: 202 };
  },
});
