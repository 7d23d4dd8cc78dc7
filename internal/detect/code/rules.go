package code

import (
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/taint"
)

// impact completes a taint finding's message: what the attacker gains.
var impact = map[string]string{
	taint.RuleCommand:         "whoever controls it runs shell commands with the function's role.",
	taint.RuleCode:            "whoever controls it runs JavaScript or Python code inside the function.",
	taint.RuleTemplate:        "whoever controls it runs code through the template engine.",
	taint.RuleSQL:             "whoever controls it rewrites the SQL statement.",
	taint.RuleNoSQL:           "whoever controls it changes the query's logic (operators, expressions).",
	taint.RuleXSS:             "whoever controls it injects script into the page the function serves.",
	taint.RulePath:            "whoever controls it reads or writes files outside the intended directory.",
	taint.RuleSSRF:            "whoever controls it makes the function call hosts of their choosing, internal ones included.",
	taint.RuleDeserialization: "deserialising attacker data runs code chosen by the attacker.",
	taint.RuleXXE:             "external entities let the attacker read local files or reach internal hosts.",
	taint.RuleReDoS:           "a crafted pattern makes matching take exponential time and exhausts the function.",
	taint.RuleRedirect:        "the function redirects users to any site the attacker picks.",
	taint.RulePrototype:       "a key like __proto__ changes Object.prototype for the whole process.",
	taint.RuleMassAssignment:  "the caller sets fields the server should own (status, owner, price).",
}

// rule builds a documented rule of the Code category.
func rule(id string, sev finding.Severity, title string, cwe []string, why, doc, fix, bad, good string) finding.Rule {
	return finding.Rule{ID: id, Category: finding.Code, Severity: sev, Title: title, CWE: cwe, Why: why, Doc: doc, Fix: fix, Bad: bad, Good: good, Exposure: true}
}

const perimeter = " Every trigger is untrusted: an S3 object key, a queue message or a stream record is attacker data as much as a query string, because each function is its own perimeter."

func rules() []finding.Rule { return ruleList }

var ruleByID = func() map[string]finding.Rule {
	m := map[string]finding.Rule{}
	for _, r := range ruleList {
		m[r.ID] = r
	}
	return m
}()

var ruleList = []finding.Rule{
	rule(taint.RuleCommand, finding.SeverityCritical, "OS command built from event data", []string{"CWE-78"},
		"Event data reaches a shell command: the attacker runs commands with the function's credentials.",
		"A value from the function's event (query string, body, S3 object key, queue message…) reaches child_process.exec, a spawn with shell: true, os.system, subprocess with shell=True or a command string, or exec.Command(\"sh\", \"-c\", …). Shell metacharacters in the value start new commands that run with the function's role."+perimeter,
		"Pass the program and its arguments separately (execFile/spawn with an argument array and no shell; subprocess.run([...]) without shell=True); validate the value against an allow-list or an anchored pattern first.",
		"exec(`convert /tmp/${key} out.jpg`)", "execFile('convert', [path.join('/tmp', path.basename(key)), 'out.jpg'])"),
	rule(taint.RuleCode, finding.SeverityCritical, "Code evaluated from event data", []string{"CWE-94", "CWE-95"},
		"Event data is evaluated as code (eval, new Function, vm, setTimeout with a string, Python eval/exec).",
		"The value is handed to an evaluator: eval, Function, vm.runInNewContext/runInThisContext/Script, setTimeout/setInterval with a string, Python eval/exec/compile. Whatever the attacker writes runs inside the function, with its environment variables and role."+perimeter,
		"Never evaluate input. Parse it (JSON.parse, int()) or map it through a table of allowed operations.",
		"const result = eval(event.queryStringParameters.expr);", "const result = OPERATIONS[op] ? OPERATIONS[op](a, b) : null;"),
	rule(taint.RuleTemplate, finding.SeverityCritical, "Template injection", []string{"CWE-94", "CWE-95"},
		"Event data is compiled as a template, or reaches a template helper that evaluates it.",
		"The value is compiled as template source (_.template, ejs/pug/handlebars compile, Jinja2 Template, render_template_string) or reaches a helper that evaluates expressions: dustjs-helpers' {@if cond} runs its condition through eval, and dust escapes strings but not arrays, so a JSON body value like [\"x' + require('child_process')…\"] runs code."+perimeter,
		"Render fixed templates with data, never compile input; check that context values are strings (typeof x === 'string') or allow-listed before they reach a helper that evaluates; drop {@if cond} for {@eq}.",
		"dust.render('page', { theme: req.body.theme }) // template: {@if cond=\"'{theme}' == 'dark'\"}",
		"const theme = THEMES.includes(req.query.theme) ? req.query.theme : 'light';"),
	rule(taint.RuleSQL, finding.SeverityHigh, "SQL built from event data", []string{"CWE-89"},
		"A SQL statement is built from event data by concatenation, formatting or a template string.",
		"The SQL text passed to the driver (pg, mysql/mysql2, sequelize.query, knex.raw, sqlite3, psycopg, pymysql, sqlite3, database/sql) contains the value itself. Quotes in it change the statement: read other rows, bypass conditions, write data. Escape functions that accept arrays and objects (mysql.escape) do not help when the value is not checked to be a string."+perimeter,
		"Use placeholders and pass the values apart: client.query('SELECT * FROM t WHERE id = $1', [id]); cursor.execute('… WHERE id = %s', (id,)).",
		"db.query(`SELECT * FROM orders WHERE id = '${event.pathParameters.id}'`)", "db.query('SELECT * FROM orders WHERE id = $1', [event.pathParameters.id])"),
	rule(taint.RuleNoSQL, finding.SeverityHigh, "NoSQL query built from event data", []string{"CWE-943"},
		"A MongoDB filter is taken from parsed input (operators like $ne slip in), $where runs input, or a DynamoDB expression is built from input.",
		"A filter object or one of its properties comes from parsed JSON, so the caller can send {\"$ne\": null} instead of a string; $where and $function evaluate JavaScript; DynamoDB FilterExpression/KeyConditionExpression/UpdateExpression strings built from input let the caller rewrite the condition."+perimeter,
		"Check that filter values are strings (or cast them); never put input in $where; in DynamoDB keep expressions constant and pass input through ExpressionAttributeValues.",
		"users.findOne({ user: body.user, pass: body.pass })", "users.findOne({ user: String(body.user), pass: String(body.pass) })"),
	rule(taint.RuleXSS, finding.SeverityMedium, "HTML response built from event data", []string{"CWE-79"},
		"An HTML response body contains event data without escaping.",
		"The function answers with Content-Type text/html (API Gateway/ALB/function URL response, Azure context.res, Express res.send, Python HttpResponse) and the body contains the value as is: script in it runs in the visitor's browser under the API's origin."+perimeter,
		"Escape for HTML (escape-html, he.encode, html.escape) after checking the value is a string, or render with a template engine that escapes, or answer JSON.",
		"return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${name}</h1>` };",
		"return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${escapeHtml(String(name))}</h1>` };"),
	rule(taint.RulePath, finding.SeverityHigh, "File path built from event data", []string{"CWE-22"},
		"A file path is built from event data: ../ sequences reach files outside the intended directory.",
		"The value becomes part of a path (path.join, string building) that fs.readFile/writeFile/unlink/createReadStream, Python open()/os.remove/shutil or Go os.Open use. '../' climbs out of the directory: read secrets and code, overwrite other functions' files (/tmp is shared by every invocation of a warm container)."+perimeter,
		"Keep only the base name (path.basename, os.path.basename) or validate against an anchored allow-list pattern; after resolving, check the path still starts with the base directory.",
		"fs.writeFile(path.join(DATA_DIR, body.file), data)", "fs.writeFile(path.join(DATA_DIR, path.basename(body.file)), data)"),
	rule(taint.RuleSSRF, finding.SeverityHigh, "Outgoing request to a URL from event data", []string{"CWE-918"},
		"The function sends a request to a URL or host taken from event data.",
		"fetch, axios, got, request, http(s).get/request, Python requests/urllib/httpx or Go http.Get receive a URL whose scheme or host the caller chooses. The function then calls internal services, the cloud metadata endpoint or anything reachable from its network, with its own credentials."+perimeter,
		"Fix the scheme and host in code and put input only in the path or query (encoded); or check the host against an allow-list.",
		"const res = await fetch(event.queryStringParameters.url);", "const res = await fetch(`https://api.example.com/items/${encodeURIComponent(id)}`);"),
	rule(taint.RuleDeserialization, finding.SeverityCritical, "Insecure deserialisation of event data", []string{"CWE-502"},
		"Event data is deserialised by a format that can run code (node-serialize, pickle, yaml.load, jsonpickle, marshal).",
		"node-serialize's unserialize runs functions embedded as _$$ND_FUNC$$_ strings; pickle, marshal and jsonpickle rebuild arbitrary objects and call their constructors; yaml.load without SafeLoader builds Python objects. Data from a queue or a request deserialised this way runs the attacker's code."+perimeter,
		"Use JSON (JSON.parse, json.loads) or yaml.safe_load; drop node-serialize.",
		"const order = serialize.unserialize(record.body);", "const order = JSON.parse(record.body);"),
	rule(taint.RuleXXE, finding.SeverityHigh, "XML parsed with external entities", []string{"CWE-611"},
		"Event data is parsed as XML with external entity resolution turned on.",
		"libxmljs with noent: true or lxml with resolve_entities=True expands entities declared in the document: a DOCTYPE can read local files (/proc/self/environ holds the function's credentials) or fetch internal URLs."+perimeter,
		"Keep entity expansion off (the parsers' defaults), or use defusedxml in Python.",
		"libxmljs.parseXml(event.body, { noent: true })", "libxmljs.parseXml(event.body)"),
	rule(taint.RuleReDoS, finding.SeverityMedium, "Regular expression compiled from event data", []string{"CWE-1333"},
		"A regular expression is compiled from event data: a crafted pattern backtracks for minutes.",
		"new RegExp(input) or re.compile(input) lets the caller supply a pattern with nested quantifiers that takes exponential time on a matching input, holding the function until its timeout and billing for it."+perimeter,
		"Escape the input (_.escapeRegExp, re.escape) to match it literally, or use plain string search.",
		"const re = new RegExp(event.queryStringParameters.q);", "const re = new RegExp(_.escapeRegExp(event.queryStringParameters.q));"),
	rule(taint.RuleRedirect, finding.SeverityMedium, "Redirect to a URL from event data", []string{"CWE-601"},
		"The Location of a redirect comes from event data.",
		"A response's Location header (or res.redirect/redirect()) is the caller's value, so a link on a trusted domain sends users to any site: phishing, token theft through OAuth redirects."+perimeter,
		"Redirect to relative paths only, or check the target against an allow-list of hosts.",
		"return { statusCode: 302, headers: { Location: event.queryStringParameters.next } };",
		"return { statusCode: 302, headers: { Location: ALLOWED.includes(next) ? next : '/' } };"),
	rule(taint.RulePrototype, finding.SeverityHigh, "Prototype pollution through attacker keys", []string{"CWE-1321"},
		"Object keys from event data are used as a property path (_.set, obj[a][b] = v).",
		"When the path or the keys come from input, a key like __proto__ or constructor.prototype writes to Object.prototype: every object of the process gains the property (isAdmin: true), for this and later invocations of the warm container."+perimeter,
		"Use a Map, or reject __proto__/constructor/prototype keys, or allow-list the paths a caller may set.",
		"for (const [k, v] of Object.entries(body.options)) _.set(order, k, v);",
		"for (const [k, v] of Object.entries(body.options)) if (ALLOWED_OPTIONS.includes(k)) _.set(order, k, v);"),
	rule(taint.RuleMassAssignment, finding.SeverityMedium, "Whole request body merged over server fields", []string{"CWE-915"},
		"The whole request body is merged over an object's defaults, so the caller sets fields the server should own.",
		"_.merge, Object.assign or a spread copy every property of the parsed body over defaults or a stored record: the caller can set status, owner, price or role fields the handler never meant to accept.",
		"Pick the accepted fields explicitly ({ items: body.items, shipping: body.shipping }) or validate the body against a schema that forbids extra properties.",
		"const order = _.merge({}, ORDER_DEFAULTS, JSON.parse(event.body));", "const { items, shipping } = JSON.parse(event.body);\nconst order = { ...ORDER_DEFAULTS, items, shipping };"),
	rule(taint.RuleJWTNotVerified, finding.SeverityHigh, "JWT decoded without verification", []string{"CWE-347"},
		"A JWT's claims are read without checking its signature.",
		"jwt.decode (jsonwebtoken), jwt-decode, or PyJWT with verify_signature off return the claims of any token, forged ones included; a decision based on them (user id, role) trusts whatever the caller wrote.",
		"Verify the token (jwt.verify with the key and the expected algorithms, PyJWT decode with the key), or let the API Gateway authorizer do it and read its claims from the request context.",
		"const { sub, role } = jwt.decode(token);", "const { sub, role } = jwt.verify(token, publicKey, { algorithms: ['RS256'] });"),
	rule(taint.RuleJWTNone, finding.SeverityHigh, "JWT verification accepts the none algorithm", []string{"CWE-347"},
		"The algorithms a JWT verification accepts include \"none\": unsigned tokens pass.",
		"With 'none' in the accepted algorithms, a token with alg: none and no signature is valid: anyone can mint claims.",
		"List only the algorithm the issuer signs with (['RS256']).",
		"jwt.verify(token, key, { algorithms: ['HS256', 'none'] })", "jwt.verify(token, key, { algorithms: ['HS256'] })"),
	rule(taint.RuleSecretCompare, finding.SeverityMedium, "Secret compared with == against a hard-coded value", []string{"CWE-208"},
		"A request value is compared with ==/=== to a secret written in the code.",
		"The comparison stops at the first differing character, so response times leak the secret byte by byte; and the secret itself is in the source, the package and every copy of the repository. Loose == also converts types.",
		"Keep the secret in a secret store and compare with crypto.timingSafeEqual (hmac.compare_digest in Python) on equal-length buffers.",
		"if (req.headers['x-admin-token'] == 'tdadm_7c2f91e4') { … }",
		"const ok = crypto.timingSafeEqual(Buffer.from(token), Buffer.from(process.env.ADMIN_TOKEN));"),
	rule(taint.RuleAuthFallthrough, finding.SeverityCritical, "Authorisation check that does not stop the request", []string{"CWE-670", "CWE-287"},
		"A failed authorisation check sets a 401/403 response but execution continues into the protected action.",
		"The branch that rejects the caller sets the response (context.res = { status: 401 }, res.status(401).send(), a response object) but neither returns nor throws, so the privileged code after it still runs, and often overwrites the 401 with its own answer.",
		"Return (or throw) right after setting the denial.",
		"if (!isAdmin(req)) { context.res = { status: 401 }; }\nawait restoreBackup(req.body);",
		"if (!isAdmin(req)) { context.res = { status: 401 }; return; }\nawait restoreBackup(req.body);"),
}
