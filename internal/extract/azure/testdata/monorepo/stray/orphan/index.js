module.exports = async function () {};
