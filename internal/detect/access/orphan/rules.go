package orphan

import "github.com/cladsec/clad/internal/finding"

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/orphan-handler",
	Category: finding.Access,
	Severity: finding.SeverityLow,
	Title:    "Handler file no manifest references",
	CWE:      []string{"CWE-1164"},
	Why:      "A handler nobody deploys from this repository is either dead code shipped in the package or a function deployed by other means that nobody reviews.",
	Doc: `A source file in a service directory exports a function entry point — a
JavaScript/TypeScript or Python module exporting handler, main or
lambda_handler that takes (event, context), an Azure index.js exporting
function (context, req) in a folder without function.json — but no function
of the project's manifests uses it and no other source file imports it. An
Azure function.json that is not under any host.json app is reported too: the
Functions host never loads it. These are the book's forgotten functions from
the code side: removed from serverless.yml but still in the repository (and
in every package the framework builds from the directory), or deployed by a
console upload or another pipeline with permissions nobody reviews. Test
files, dependencies, build output and examples are not considered, nor
services whose manifest clad could not fully read (an unresolved handler,
a serverless.ts, CDK or Terraform next to it).`,
	Fix:  "Delete the file if the function is gone, or declare it in the manifest (with its own role and triggers) if it is still deployed.",
	Bad:  "serverless.yml    # functions: create, list\nsrc/create.js\nsrc/list.js\nsrc/legacyExport.js   # exports.handler = async (event, context) => …",
	Good: "serverless.yml    # functions: create, list\nsrc/create.js\nsrc/list.js",
}
