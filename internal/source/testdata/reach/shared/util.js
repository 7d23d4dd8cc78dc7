exports.render = (row, cfg) => JSON.stringify({ row, cfg });
