// Package sbom builds the dependency inventory of a scanned project — every
// package its dependency files pin, with the functions that ship it — and
// renders it as a table, CSV, JSON, CycloneDX 1.6 JSON or SPDX 2.3 JSON.
//
// The inventory merges packages across dependency files by package URL:
// the same pkg:npm/lodash@4.17.21 pinned by two lockfiles is one package
// with two occurrences (the evidence: file, line, format, scope there).
// Local packages (workspace members, file: links) are never merged with
// anything else and carry no package URL in the SBOM formats, so that no
// consumer matches them against a registry's advisories.
//
// A function ships a package when deps.ForFunction puts the package in the
// function's reach and the package is not a dev dependency. Packages that
// no function ships are listed all the same, with no functions.
//
// # Inventory JSON (clad inventory --format json)
//
// The shape is stable: every key below is always present (strings may be
// empty, lists empty, license null), and keys are only ever added:
//
//	{
//	  "schema_version": 1,
//	  "root": "examples/aws-orders",         // the path scanned, as given
//	  "functions": [                          // every function of the project, by id
//	    {"id": "aws-orders/createOrder", "name": "createOrder", "service": "aws-orders",
//	     "provider": "aws", "runtime": "nodejs12.x", "handler": "src/orders.create",
//	     "code_dir": ".", "manifest": "serverless.yml", "public": true, "auth": "none",
//	     "triggers": ["http"],
//	     "dependencies": ["pkg:npm/lodash@4.17.15"]}   // keys of the direct dependencies it ships
//	  ],
//	  "roots": ["pkg:npm/lodash@4.17.15"],    // keys of the project's direct dependencies and workspace members
//	  "packages": [                           // sorted by name, version, ecosystem
//	    {"key": "pkg:npm/lodash@4.17.15",
//	     "ecosystem": "npm", "name": "lodash", "version": "4.17.15",
//	     "purl": "pkg:npm/lodash@4.17.15",
//	     "license": "MIT",                    // as declared (an SPDX expression when the package uses one); null when unknown
//	     "scope": "runtime",                  // runtime, optional, unknown or dev (the widest over occurrences)
//	     "direct": true,                      // declared by the project or a workspace member
//	     "local": false,                      // a workspace member or linked directory
//	     "functions": ["aws-orders/createOrder"],   // the functions that ship it; [] when none
//	     "occurrences": [{"file": "package-lock.json", "line": 263, "format": "package-lock@3",
//	                      "id": "node_modules/lodash", "scope": "runtime", "direct": true}],
//	     "depends_on": ["pkg:npm/..."]}       // keys of the packages it depends on
//	  ]
//	}
//
// A package's key is its purl, or "local:<file>#<id>" for local packages,
// or "<ecosystem>:<name>@<version>" when the parser could not form a purl.
package sbom
