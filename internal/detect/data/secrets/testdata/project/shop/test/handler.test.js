const { checkout } = require('../src/handler');

// token captured from the dev stage
const devToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaXNzIjoib3JkZXJzLWFwaSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoxOTE4MDAwMDAwfQ.xi_8tXzq3pfif9sqM0Hc94uLGQ3xc3GprI6eOW4lhoD';

test('checkout', async () => {
  expect((await checkout({ body: '{}' }, devToken)).statusCode).toBe(200);
});
