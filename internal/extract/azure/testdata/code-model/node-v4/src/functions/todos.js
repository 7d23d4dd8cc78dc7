const { app } = require('@azure/functions');
const { listTodos } = require('../lib/todos');

// Anyone may list the todos.
app.http('getTodos', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'todos',
  handler: listTodos,
});

// No authLevel: a function key is required.
app.post('createTodo', {
  route: 'todos',
  handler: async (request, context) => {
    const todo = await request.json();
    context.log('creating', todo.title);
    return { status: 201, jsonBody: todo };
  },
});

async function removeTodo(request) {
  return { status: 204, body: request.params.id };
}

app.deleteRequest('deleteTodo', removeTodo);

app.http('adminPurge', {
  methods: ['POST'],
  authLevel: 'admin',
  route: 'admin/purge',
  handler: async () => ({ status: 202 }),
});
