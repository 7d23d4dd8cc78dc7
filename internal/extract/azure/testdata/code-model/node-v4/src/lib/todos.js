const store = [];

exports.listTodos = async function listTodos(request) {
  const filter = request.query.get('q') || '';
  return { jsonBody: store.filter((t) => t.title.includes(filter)) };
};
