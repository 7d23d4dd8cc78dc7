package gateway

import "github.com/cladsec/clad/internal/finding"

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/gateway-trusted-callee",
	Category: finding.Access,
	Severity: finding.SeverityMedium,
	Title:    "Public function holds the key to a function that trusts it",
	CWE:      []string{"CWE-441", "CWE-306"},
	Why:      "A protected function whose only protection is a key or role the public gateway holds trusts whatever reaches the gateway: one flaw in the gateway and anyone runs the callee.",
	Doc: `A "gateway" function anyone can call (an anonymous HTTP trigger, an API
route without authorizer) calls another function of the same project that
is not public: an HTTP request to its endpoint (an Azure route with
authLevel function or admin, an API Gateway route that requires an API key)
carrying the key, or a direct AWS Lambda Invoke with the gateway's execution
role. The callee does not authenticate the end user; its only protection is
the key or role, and the gateway holds it — in a committed config file, in
an app setting or environment variable, as a literal in code. So the callee
trusts every request the gateway forwards, and a missing return after a
failed check, an injection or an SSRF in the gateway hands the callee to
anyone on the internet (the book's admin gateway: backup and restore behind
a gateway whose token check does not stop the request).

clad finds the calls in the gateway's own code: fetch, axios, got, request,
https.request, Python requests/httpx/urllib with a URL that reaches another
function's route (https://<app>.azurewebsites.net/api/<route>, an
execute-api URL, a base URL from configuration plus the route), and AWS SDK
Lambda Invoke calls whose FunctionName names another function of the
project. HTTP callees with their own authentication (IAM auth, a Cognito,
JWT or Lambda authorizer) are not reported; directly invoked callees are
reported when they hold something the gateway lacks: an admin operation,
credentials or stronger permissions. High when the callee is an admin
operation or the key is committed in plain text; low for direct invocation
of a non-admin function.`,
	Fix: "Make the callee authenticate the end user itself (App Service authentication / Entra ID, IAM auth, an authorizer) and forward the user's identity rather than a shared key; keep keys out of committed files and out of the public function's settings (Key Vault references, Secrets Manager); deploy admin operations in their own app, reachable only from an admin identity.",
	Bad: `// adminGateway/function.json: "authLevel": "anonymous"
const keys = require('../config/keys.json');
await fetch(` + "`${keys.baseUrl}/internal/${action}`" + `, {
  headers: { 'x-functions-key': keys.functions[action] },
});`,
	Good: `// adminGateway/function.json: "authLevel": "function", behind App Service authentication
// backup/function.json: "authLevel": "admin", called only from the admin network
await fetch(url, { headers: { Authorization: req.headers.authorization } });`,
}
