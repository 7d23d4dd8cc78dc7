package handling

import "github.com/cladsec/clad/internal/finding"

// ruleTLS: certificate verification turned off.
var ruleTLS = finding.Rule{
	ID:       "data/tls-verification-disabled",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "TLS certificate verification is turned off",
	CWE:      []string{"CWE-295"},
	Why:      "Without certificate checks anyone on the network path can pose as the server and read or change the traffic, credentials included.",
	Doc: `The function (or the whole process, through NODE_TLS_REJECT_UNAUTHORIZED=0 or
PYTHONHTTPSVERIFY=0 in its environment) accepts any certificate for any host:
rejectUnauthorized: false on an https.Agent, tls.connect, axios or pg options, strictSSL:
false, verify=False on requests/httpx/boto3 calls or sessions, ssl._create_unverified_context,
ssl.CERT_NONE, check_hostname = False, Go's InsecureSkipVerify: true. The connection is still
encrypted, but to whoever answers: a man in the middle (a compromised VPC neighbour, a hostile
Wi-Fi during local tests that leak into production, a poisoned DNS answer) receives the API keys,
tokens and personal data the call carries. The finding is high when the call sends credentials
(an Authorization or API-key header, an auth option), and rises a step for functions anonymous
callers can invoke.`,
	Fix:      "Remove the override. For a private CA, pass the CA bundle instead (ca: fs.readFileSync('ca.pem'), verify='/opt/ca.pem', tls.Config{RootCAs: pool}); never ship NODE_TLS_REJECT_UNAUTHORIZED=0.",
	Bad:      "const agent = new https.Agent({ rejectUnauthorized: false });\nrequests.get(url, verify=False)",
	Good:     "const agent = new https.Agent({ ca: fs.readFileSync('corp-ca.pem') });\nrequests.get(url, verify='/opt/certs/corp-ca.pem')",
	Exposure: true,
}

// ruleTransport: plaintext HTTP to a remote endpoint.
var ruleTransport = finding.Rule{
	ID:       "data/plaintext-transport",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "Data sent over plaintext HTTP",
	CWE:      []string{"CWE-319"},
	Why:      "Requests to an http:// endpoint travel unencrypted and unauthenticated: their headers, keys and payload can be read and changed on the way.",
	Doc: `The function calls an API or downloads from an http:// (or ws://) URL: a literal passed to
fetch, axios, got, request, http.request, requests, httpx, urllib or Go's net/http, a constant or
variable holding one, a client's base URL, or an environment value or app setting such as
API_URL=http://... Everything the call sends (API keys in headers, customer data in the body) and
everything it receives (code to run, prices, redirects) crosses the network in clear text. Local
addresses (localhost, 127.0.0.1, ::1, *.local), the instance metadata endpoints, single-label
container names, XML namespaces, documentation examples and test code are not reported.`,
	Fix:  "Use https:// for every remote endpoint (terminate TLS on the relay if it has none), and keep endpoints in configuration that is reviewed for the scheme.",
	Bad:  "const RELAY = 'http://mail-relay.shop.example.com/v1/messages';\nhttp.request(RELAY, { headers: { 'X-Api-Key': key } });",
	Good: "const RELAY = 'https://mail-relay.shop.example.com/v1/messages';\nhttps.request(RELAY, { headers: { 'X-Api-Key': key } });",
}

// ruleLogging: secrets or personal data written to logs.
var ruleLogging = finding.Rule{
	ID:       "data/sensitive-data-logged",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "Sensitive data written to logs",
	CWE:      []string{"CWE-532"},
	Why:      "Logs are kept for long, read by many and shipped to other systems: whole events, headers, tokens and passwords in them outlive the request.",
	Doc: `The function logs a whole event, request, headers or invocation context (console.log(event),
JSON.stringify(event), logger.info({ event }), print(event), context.log(req)), the whole
environment (process.env, os.environ), or a value whose name says it is a secret or card data
(password, token, authorization, apiKey, secret, cookie, ssn, cvv...), or turns on Powertools'
event logging. API Gateway events carry the caller's Authorization header, cookies, source IP and
the personal data in the body; CloudWatch Logs and Application Insights keep them for the log
retention period, readable by everyone with log access and by every subscription that forwards
logs to another system.`,
	Fix:  "Log what you need to trace the request (event.requestContext.requestId, a route, counts) or a copy with sensitive fields removed; never log secrets, even truncated, and keep Powertools' logEvent off in production.",
	Bad:  "console.log('event', JSON.stringify(event));\nlogger.info('login', { password });",
	Good: "console.log('request', event.requestContext.requestId);\nlogger.info('login', { user: user.id });",
}

// ruleErrors: stack traces and raw errors in responses.
var ruleErrors = finding.Rule{
	ID:       "data/error-details-exposed",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "Error details returned to the caller",
	CWE:      []string{"CWE-209"},
	Why:      "Stack traces and raw exception text tell an attacker the code paths, libraries, file layout, queries and sometimes the data behind the function.",
	Doc: `An error handler (a catch or except block, a promise .catch callback, an error-first
callback, Express error middleware, Go's err checks) returns the exception's stack trace, the raw
error object or its message in the HTTP response: { statusCode: 500, body: JSON.stringify(err) },
res.status(500).send(err.stack), context.res = { status: 500, body: err }, return str(e), 500,
traceback.format_exc() in a body, http.Error(w, err.Error(), 500). Internal errors carry SDK
request ids, table and bucket names, SQL fragments, file paths and library versions that help an
attacker map and break the function. A message in a 4xx response is taken as a deliberate answer
to the client and not reported; stack traces always are.`,
	Fix:      "Log the error with a correlation id and return a generic message (and that id, or an error code) to the caller.",
	Bad:      "} catch (err) {\n  return { statusCode: 500, body: JSON.stringify({ error: err.stack }) };\n}",
	Good:     "} catch (err) {\n  console.error(requestId, err);\n  return { statusCode: 500, body: JSON.stringify({ error: 'internal error', requestId }) };\n}",
	Exposure: true,
}

// rules lists the rules of the detector.
func rules() []finding.Rule {
	return []finding.Rule{ruleTLS, ruleTransport, ruleLogging, ruleErrors}
}

// ruleByID finds a rule of the detector.
func ruleByID(id string) finding.Rule {
	for _, r := range rules() {
		if r.ID == id {
			return r
		}
	}
	return finding.Rule{}
}
