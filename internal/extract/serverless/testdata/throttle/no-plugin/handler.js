module.exports.main = async () => ({});
