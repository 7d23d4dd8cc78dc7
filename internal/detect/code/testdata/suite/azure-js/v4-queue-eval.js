// fixture: provider=azure trigger=queueTrigger model=code handlers=vulnerable,fixed
const { app } = require('@azure/functions');

const RULES = { double: (x) => x * 2, square: (x) => x * x };

// A v4 queue handler receives the message itself as its first argument.
app.storageQueue('scoreVulnerable', {
  queueName: 'scores',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => { // entry: vulnerable inline
    const fn = new Function('x', 'return ' + message.formula); // want "code/code-injection"
    context.log(fn(message.value));
  },
});

app.storageQueue('scoreFixed', {
  queueName: 'scores2',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => { // entry: fixed inline
    const rule = Object.prototype.hasOwnProperty.call(RULES, message.rule) ? RULES[message.rule] : RULES.double;
    context.log(rule(Number(message.value)));
  },
});
