module.exports = async function (context, image) {
  context.bindings.thumb = image;
};
