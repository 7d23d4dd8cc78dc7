const { app } = require('@azure/functions');

app.http('hello', { methods: ['GET'], authLevel: 'anonymous', handler: async () => ({ body: 'hi' }) });
