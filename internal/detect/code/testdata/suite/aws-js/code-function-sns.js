// fixture: provider=aws trigger=sns handlers=vulnerable,fixed
exports.vulnerable = async (event) => {
  const rule = event.Records[0].Sns.Message;
  const check = new Function('order', `return ${rule};`); // want "code/code-injection"
  return check({ total: 10 });
};

exports.fixed = async (event) => {
  const rule = JSON.parse(event.Records[0].Sns.Message);
  const check = (order) => order.total > Number(rule.min);
  return check({ total: 10 });
};
