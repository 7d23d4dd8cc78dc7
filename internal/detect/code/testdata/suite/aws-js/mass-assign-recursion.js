// fixture: provider=aws trigger=http handlers=vulnerable,fixed
// A call the analysis does not follow (here recursion) returns something
// derived from its arguments, not the request body itself: spreading it is
// not spreading the body over server-owned fields.
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

async function lookupExtras(order, attempt) {
  if (attempt > 2) {
    return { source: 'cache', region: process.env.AWS_REGION };
  }
  return lookupExtras(order, attempt + 1);
}

exports.vulnerable = async (event) => {
  const order = JSON.parse(event.body);
  const record = { status: 'received', priority: 'normal', ...order }; // want "code/mass-assignment"
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.NEXT, MessageBody: JSON.stringify(record) }));
  return { statusCode: 202 };
};

exports.fixed = async (event) => {
  const order = JSON.parse(event.body);
  const extras = await lookupExtras(order, 0);
  const record = { status: 'received', priority: 'normal', ...extras, item: String(order.item) };
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.NEXT, MessageBody: JSON.stringify(record) }));
  return { statusCode: 202 };
};
