exports.wipe = async function wipe() {
  return true;
};
