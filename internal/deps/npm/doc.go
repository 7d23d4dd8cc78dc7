// Package npm holds what the JavaScript dependency parsers share: reading
// package.json manifests, npm package names, aliases and package URLs, Node's
// module resolution, workspace globs, and a Builder that assembles a
// deps.Lockfile with scopes computed through the graph. The parsers live in
// the sub-packages packagelock, yarnlock, pnpmlock, packagejson and
// nodemodules.
package npm
