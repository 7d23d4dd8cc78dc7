module.exports = (client) => ({
  save: (item) => client.put({ TableName: 'acme-inferred', Item: item }).promise(),
});
