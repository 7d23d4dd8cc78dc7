const { app, trigger } = require('@azure/functions');

app.setup({ enableHttpStream: true });

app.timer('cleanup', {
  schedule: '0 */10 * * * *',
  runOnStartup: false,
  handler: async (timer, context) => context.log('cleanup'),
});

app.storageQueue('processOrder', {
  queueName: 'orders',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => context.log(message),
});

app.storageBlob('resizeImage', {
  path: 'uploads/{name}',
  connection: 'MediaStorage',
  handler: async (blob, context) => context.log(blob.length),
});

app.serviceBusQueue('billing', {
  queueName: 'invoices',
  connection: 'ServiceBus',
  handler: async (message) => message,
});

app.serviceBusTopic('auditTrail', {
  topicName: 'events',
  subscriptionName: 'audit',
  connection: 'ServiceBus',
  handler: async (message) => message,
});

app.eventHub('telemetry', {
  eventHubName: 'telemetry',
  connection: 'EventHub',
  cardinality: 'many',
  handler: async (events) => events.length,
});

app.eventGrid('gridEvents', { handler: async (event) => event.id });

app.cosmosDB('catalogFeed', {
  databaseName: 'shop',
  containerName: 'items',
  connection: 'CosmosDB',
  createLeaseContainerIfNotExists: true,
  handler: async (documents) => documents.length,
});

app.generic('legacyHook', {
  trigger: trigger.generic({ type: 'httpTrigger', authLevel: 'anonymous', methods: ['POST'], route: 'hooks/legacy' }),
  handler: async () => ({ status: 200 }),
});

for (const name of ['a', 'b']) {
  app.http(`dynamic-${name}`, { handler: async () => ({}) });
}
