// fixture: provider=aws trigger=http handlers=vulnerable,fixed
// Bundled output (esbuild style): the exports are property getters defined
// in a loop, and the module object is copied property by property.
"use strict";
var defProp = Object.defineProperty;
var ownNames = Object.getOwnPropertyNames;
var hasOwn = Object.prototype.hasOwnProperty;
var exportAll = (target, all) => {
  for (var name in all) defProp(target, name, { get: all[name], enumerable: true });
};
var copyProps = (to, from, except) => {
  if (from && typeof from === "object") {
    for (let key of ownNames(from))
      if (!hasOwn.call(to, key) && key !== except) defProp(to, key, { get: () => from[key], enumerable: true });
  }
  return to;
};
var toCommonJS = (mod) => copyProps(defProp({}, "__esModule", { value: true }), mod);
var entry_exports = {};
exportAll(entry_exports, { vulnerable: () => vulnerable, fixed: () => fixed });
module.exports = toCommonJS(entry_exports);
var import_child_process = require("child_process");
async function vulnerable(event) {
  const host = event.queryStringParameters.host;
  const out = (0, import_child_process.execSync)("nslookup " + host); // want "code/os-command-injection"
  return { statusCode: 200, body: String(out) };
}
async function fixed(event) {
  const host = event.queryStringParameters.host;
  const out = (0, import_child_process.execFileSync)("nslookup", [host]);
  return { statusCode: 200, body: String(out) };
}
