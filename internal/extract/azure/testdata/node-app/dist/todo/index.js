"use strict";
exports.run = async function run(context, req) {
  context.bindings.doc = req.body;
};
