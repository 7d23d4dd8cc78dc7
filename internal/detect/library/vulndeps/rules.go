package vulndeps

import "github.com/cladsec/clad/internal/finding"

// RuleShipped reports a vulnerable package that a deployed function ships.
var RuleShipped = finding.Rule{
	ID:       "library/vulnerable-dependency",
	Category: finding.Library,
	Severity: finding.SeverityHigh,
	Title:    "Function ships a dependency with a known vulnerability",
	CWE:      []string{"CWE-1395"},
	Why:      "A package the function deploys has a published vulnerability; attackers scan for exactly these.",
	Doc: `A package version pinned in the project's lockfile (or installed in the
deployment package) is affected by a published advisory from the OSV database or
clad's enrichment feed. The finding names the functions that load it (those whose
handler code imports it, directly or through another package; every function that
ships it when that cannot be told), the dependency path from the function's direct
dependency to the vulnerable package, the smallest fixed version, and whether that
fix is reachable within the ranges the project and the intermediate packages
declare (so a plain update suffices) or needs a newer direct dependency. Records
that describe the same flaw (GHSA, CVE, PYSEC ids) are merged into one finding.
The severity is the advisory's (CVSS score, else the database's label); it rises
one step when a function that loads the package is invokable anonymously.`,
	Fix: "Upgrade the package to the fixed version (npm update / npm install pkg@version, pip install 'pkg>=version', go get module@version), or the direct dependency that brings it in; if no fix exists, remove or replace the package.",
	Bad: `// package-lock.json
"node_modules/lodash": { "version": "4.17.15" }   // GHSA-p6mc-m468-83gw, fixed in 4.17.19
// src/orders.js (handler of a deployed function)
const _ = require('lodash');`,
	Good: `// package-lock.json
"node_modules/lodash": { "version": "4.17.21" }`,
	Exposure: true,
}

// RuleDev reports a vulnerable package that no deployed function ships:
// a development dependency, tooling beside functions of another runtime, a
// package the deployment excludes.
var RuleDev = finding.Rule{
	ID:       "library/vulnerable-dev-dependency",
	Category: finding.Library,
	Severity: finding.SeverityLow,
	Title:    "Vulnerable development or unshipped dependency",
	CWE:      []string{"CWE-1395"},
	Why:      "A vulnerable package runs on developer machines and in CI, though no deployed function ships it.",
	Doc: `A package the project pins is affected by a published advisory, but no function
deploys it: it is only reachable through devDependencies or a dev/test group, the
lockfile governs no function of a runtime that could load it (a package.json of
Serverless plugins beside Python functions), or the deployment excludes it
(Serverless package.patterns such as "!node_modules/aws-sdk/**"). It cannot be
attacked through the functions, so it is reported apart from what ships and at low
severity (info for low-severity advisories), but it still runs on build machines
with their credentials.`,
	Fix: "Upgrade the development dependency when convenient (npm update, pip install -U); nothing deployed changes.",
	Bad: `// package.json
"devDependencies": { "mocha": "5.2.0" }   // pulls minimist 0.0.8 (GHSA-vh95-rmgr-6w4m)`,
	Good: `// package.json
"devDependencies": { "mocha": "^10.2.0" }`,
}
