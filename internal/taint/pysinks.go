package taint

import "strings"

// Python library models and sinks.

var pyClean = setOf("int", "float", "bool", "len", "abs", "round", "hash", "ord", "sum", "isinstance", "hasattr",
	"callable", "id", "type", "chr")

var pyContainers = setOf("list", "tuple", "set", "frozenset", "sorted", "reversed", "iter", "next", "enumerate",
	"zip", "map", "filter", "dict", "min", "max", "any", "all")

var pyHTMLEscapers = setOf("html.escape", "markupsafe.escape", "markupsafe.Markup.escape", "bleach.clean",
	"cgi.escape", "flask.escape", "django.utils.html.escape", "xml.sax.saxutils.escape", "jinja2.escape")

// pyLibrary models Python built-ins and packages.
func (in *interp) pyLibrary(cc *callCtx) (*Value, bool) {
	q, root, last := cc.q, rootOf(cc.q), lastOf(cc.q)
	a0 := func() []*Taint { return in.taintsOfArgs(cc, 0) }
	switch {
	case pyClean[q] || root == "uuid" || root == "hashlib" || root == "hmac" || root == "secrets" || root == "datetime" || root == "time" || root == "math" || root == "random":
		return &Value{flags: fNumber}, true
	case q == "str" || q == "repr" || q == "bytes" || q == "bytearray" || q == "format":
		return mapped(a0(), toStr), true
	case pyContainers[q]:
		if q == "dict" && len(cc.args) > 0 {
			return cc.arg(0), true
		}
		if (q == "list" || q == "tuple" || q == "sorted") && isList(cc.arg(0)) {
			return cc.arg(0), true
		}
		el := in.elemOf(cc.arg(0))
		for _, a := range cc.args {
			if a != nil && a.fn != nil {
				el = join(el, in.invoke(cc.fr, a.fn, nil, []*Value{in.elemOf(cc.arg(1))}, nil, cc.c).ret)
			}
		}
		return &Value{elem: el, flags: fList}, true
	case (root == "json" || root == "simplejson" || root == "ujson" || root == "orjson") && (last == "loads" || last == "load"),
		q == "yaml.safe_load", q == "urllib.parse.parse_qs", q == "urllib.parse.parse_qsl", q == "ast.literal_eval":
		return mapped(a0(), parsed), true
	case root == "json" || root == "simplejson" || root == "ujson" || root == "orjson":
		return mapped(a0(), toStr), true
	case root == "base64", root == "binascii", q == "codecs.decode", q == "codecs.encode":
		return mapped(a0(), toStr), true
	case q == "urllib.parse.quote" || q == "urllib.parse.quote_plus" || q == "urllib.parse.urlencode" || q == "urllib.quote":
		return mapped(in.taintsOfArgs(cc), safeWhen(urlEncoded, false)), true
	case strings.HasPrefix(q, "urllib.parse."):
		return mapped(in.taintsOfArgs(cc), toStr), true
	case q == "shlex.quote" || q == "pipes.quote":
		return mapped(a0(), safeWhen(cCmd, false)), true
	case q == "shlex.split":
		return &Value{elem: mapped(a0(), toStr), flags: fList}, true
	case pyHTMLEscapers[q]:
		return mapped(a0(), safeWhen(cHTML|cXML|cTemplate, false)), true
	case q == "os.path.basename" || q == "werkzeug.utils.secure_filename" || q == "werkzeug.secure_filename":
		return mapped(a0(), safeWhen(cPath, false)), true
	case q == "os.path.join" || q == "os.path.abspath" || q == "os.path.normpath" || q == "os.path.realpath" ||
		q == "os.path.expanduser" || q == "pathlib.Path" || q == "pathlib.PurePath" || q == "posixpath.join":
		v := in.pathBuilt(cc, q)
		if strings.HasPrefix(q, "pathlib") {
			if v == nil {
				v = &Value{}
			}
			v.sym = "pathlib.Path()"
		}
		return v, true
	case q == "os.path.exists" || q == "os.path.isfile" || q == "os.path.isdir" || q == "os.path.getsize" || q == "os.getenv" || q == "os.environ.get":
		return nil, true
	case q == "re.escape":
		return mapped(a0(), safeWhen(cRegex, false)), true
	case q == "re.compile":
		if p := cc.arg(0); p != nil && !p.isTainted() {
			return &Value{regex: strOf(p), sym: "re.compile()"}, true
		}
		return nil, false
	case q == "re.sub" || q == "re.subn":
		if p := cc.arg(0); p != nil && fullStrip(strOf(p), cc.arg(1)) {
			return nil, true
		}
		return mapped(in.taintsOfArgs(cc, 1, 2), toStr), true
	case (root == "pymysql" || root == "MySQLdb" || root == "mysql") && strings.HasPrefix(last, "escape") || last == "literal" && root == "pymysql":
		return mapped(in.taintsOfArgs(cc), safeWhen(cSQL, true)), true
	case q == "lxml.etree.XMLParser":
		v := &Value{sym: "lxml.etree.XMLParser()", fields: map[string]*Value{}}
		for _, k := range cc.c.KW {
			if l, ok := k.Value.(*Lit); ok && k.Name == "resolve_entities" && l.Val == "True" {
				v.fields["resolve_entities"] = strVal("True")
			}
		}
		if len(cc.c.KW) == 0 || v.fields["resolve_entities"] == nil {
			return v, true
		}
		return v, true
	case root == "boto3" || root == "botocore" || root == "logging" || q == "print":
		return in.symResult(cc, nil), true
	}
	return nil, false
}

var pySQLRoots = setOf("psycopg2", "psycopg", "pymysql", "MySQLdb", "mysql", "sqlite3", "pyodbc", "cx_Oracle", "oracledb",
	"pg8000", "aiomysql", "aiopg", "asyncpg", "sqlalchemy", "databases", "records", "django", "pymssql", "snowflake",
	"redshift_connector", "psycopg2cffi", "aiosqlite", "duckdb", "clickhouse_driver", "peewee")

var pySQLMethods = setOf("execute", "executemany", "executescript", "mogrify", "fetch", "fetchrow", "fetchval", "raw",
	"extra", "query", "exec_driver_sql")

var pyMongoMethods = setOf("find", "find_one", "find_one_and_update", "find_one_and_delete", "find_one_and_replace",
	"update_one", "update_many", "delete_one", "delete_many", "count_documents", "count", "distinct", "replace_one", "aggregate")

var pyHTTP = setOf("requests", "httpx", "urllib3", "aiohttp")

var pyRequestVerbs = setOf("get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "urlopen", "Request")

// pySinks checks a call against the Python sink models.
func (in *interp) pySinks(cc *callCtx) {
	q, root, last := cc.q, rootOf(cc.q), lastOf(cc.q)
	switch {
	case q == "":
		in.pyHeuristicSinks(cc)
	case q == "os.system" || q == "os.popen" || strings.HasPrefix(q, "os.popen") || q == "commands.getoutput" ||
		q == "commands.getstatusoutput" || q == "subprocess.getoutput" || q == "subprocess.getstatusoutput" ||
		q == "asyncio.create_subprocess_shell" || q == "pty.spawn":
		in.hit(cc, RuleCommand, cc.arg(0), cc.argX(0), q, nil)
	case root == "subprocess" && (last == "run" || last == "call" || last == "check_call" || last == "check_output" || last == "Popen"),
		q == "asyncio.create_subprocess_exec", root == "os" && (strings.HasPrefix(last, "spawn") || strings.HasPrefix(last, "exec")):
		in.pySubprocess(cc, q)
	case q == "eval" || q == "exec" || q == "compile" || q == "execfile" || q == "builtins.eval" || q == "builtins.exec":
		in.hit(cc, RuleCode, cc.arg(0), cc.argX(0), q, nil)
	case q == "jinja2.Template" || root == "jinja2" && last == "from_string" || q == "flask.render_template_string" ||
		q == "mako.template.Template" || q == "django.template.Template" || q == "jinja2.Environment.from_string":
		in.hit(cc, RuleTemplate, cc.arg(0), cc.argX(0), q, nil)
	case pySQLRoots[root] && pySQLMethods[last]:
		in.hit(cc, RuleSQL, cc.arg(0), cc.argX(0), q, nil)
	case (root == "pymongo" || root == "motor" || root == "mongoengine") && pyMongoMethods[last]:
		in.mongoSink(cc, q)
	case q == "open" || q == "io.open" || q == "codecs.open" || q == "flask.send_file" || q == "os.open" ||
		root == "os" && (last == "remove" || last == "unlink" || last == "rmdir" || last == "removedirs" || last == "listdir" || last == "scandir" || last == "truncate" || last == "chmod"):
		in.hit(cc, RulePath, cc.arg(0), cc.argX(0), q, nil)
	case root == "shutil" && (last == "copy" || last == "copyfile" || last == "copy2" || last == "copytree" || last == "move" || last == "rmtree"),
		q == "os.rename" || q == "os.replace":
		if !in.hit(cc, RulePath, cc.arg(0), cc.argX(0), q, nil) {
			in.hit(cc, RulePath, cc.arg(1), cc.argX(1), q, nil)
		}
	case root == "boto3" && (last == "download_file" || last == "upload_file"):
		in.s3FileSink(cc, q, last)
	case strings.HasPrefix(q, "pathlib.Path.") && (last == "read_text" || last == "read_bytes" || last == "write_text" || last == "write_bytes" || last == "open" || last == "unlink" || last == "rmdir" || last == "touch" || last == "rename"):
		in.hit(cc, RulePath, cc.recv, cc.c, "pathlib.Path."+last, nil)
	case pyHTTP[root] && pyRequestVerbs[last] || q == "urllib.request.urlopen" || q == "urllib.request.Request" || q == "urllib2.urlopen" ||
		q == "http.client.HTTPConnection" || q == "http.client.HTTPSConnection":
		in.pySSRF(cc, q)
	case root == "pickle" || root == "cPickle" || root == "_pickle" || root == "dill" || root == "marshal":
		if last == "loads" || last == "load" || last == "Unpickler" {
			in.hit(cc, RuleDeserialization, cc.arg(0), cc.argX(0), q, nil)
		}
	case q == "jsonpickle.decode" || q == "jsonpickle.loads" || q == "yaml.unsafe_load" || q == "yaml.unsafe_load_all" ||
		q == "pandas.read_pickle" || q == "shelve.open":
		in.hit(cc, RuleDeserialization, cc.arg(0), cc.argX(0), q, nil)
	case q == "yaml.load" || q == "yaml.load_all":
		if !safeYAMLLoader(cc) {
			in.hit(cc, RuleDeserialization, cc.arg(0), cc.argX(0), q+" without SafeLoader", nil)
		}
	case root == "lxml" && (last == "fromstring" || last == "XML" || last == "parse" || last == "XMLID"):
		if p := cc.arg(1); p == nil && cc.kw != nil {
			p = cc.kw["parser"]
			if p != nil && p.fields["resolve_entities"] != nil {
				in.hit(cc, RuleXXE, cc.arg(0), cc.argX(0), q+" with resolve_entities=True", nil)
			}
		} else if p != nil && p.fields["resolve_entities"] != nil {
			in.hit(cc, RuleXXE, cc.arg(0), cc.argX(0), q+" with resolve_entities=True", nil)
		}
	case root == "re" && !strings.Contains(cc.callee.sym, "()") && (last == "compile" || last == "match" || last == "search" || last == "fullmatch" || last == "findall" || last == "finditer" || last == "sub" || last == "subn" || last == "split"):
		in.hit(cc, RuleReDoS, cc.arg(0), cc.argX(0), q, nil)
	case q == "flask.redirect" || q == "django.shortcuts.redirect" || q == "django.http.HttpResponseRedirect" || q == "werkzeug.utils.redirect":
		in.hit(cc, RuleRedirect, cc.arg(0), cc.argX(0), q, nil)
	case q == "azure.functions.HttpResponse" || q == "flask.Response" || q == "flask.make_response":
		in.pyResponse(cc, q)
	default:
		in.pyHeuristicSinks(cc)
	}
}

// pySubprocess: a string command, shell=True, or an argument list whose
// program is chosen by the attacker.
func (in *interp) pySubprocess(cc *callCtx, q string) {
	shell := false
	for _, k := range cc.c.KW {
		if k.Name == "shell" {
			if l, ok := k.Value.(*Lit); !ok || l.Val == "True" {
				shell = true
			}
		}
	}
	arg, x := cc.arg(0), cc.argX(0)
	if arg == nil && cc.kw != nil {
		arg = cc.kw["args"]
	}
	if isList(arg) && !shell { // an argument list: only the program matters
		prog := in.field(cc.fr, arg, "0")
		if arg.fields["0"] == nil {
			prog = arg.elem
		}
		in.hit(cc, RuleCommand, prog, x, q, nil)
		return
	}
	name := q
	if shell {
		name += " with shell=True"
	}
	in.hit(cc, RuleCommand, arg, x, name, nil)
}

// s3FileSink: boto3's download_file writes the object to a local path,
// upload_file reads one; the path's position depends on the receiver
// (client: (Bucket, Key, Filename) and (Filename, Bucket, Key); Bucket:
// (Key, Filename); Object: (Filename)).
func (in *interp) s3FileSink(cc *callCtx, q, last string) {
	f := cc.kw["Filename"]
	if spread := cc.kw[""]; f == nil && spread != nil { // download_file(**args)
		f = spread.fields["Filename"]
	}
	if f != nil {
		in.hit(cc, RulePath, f, cc.c, "boto3 "+last, nil)
		return
	}
	i := 0
	switch {
	case strings.Contains(q, ".Object."):
	case last == "upload_file":
	case strings.Contains(q, ".Bucket."):
		i = 1
	default:
		i = 2
	}
	in.hit(cc, RulePath, cc.arg(i), cc.argX(i), "boto3 "+last, nil)
}

// safeYAMLLoader reports whether yaml.load got Loader=SafeLoader (or
// CSafeLoader, BaseLoader).
func safeYAMLLoader(cc *callCtx) bool {
	for _, k := range cc.c.KW {
		if k.Name == "Loader" {
			p := pathOf(k.Value)
			return strings.HasSuffix(p, "SafeLoader") || strings.HasSuffix(p, "BaseLoader")
		}
	}
	if len(cc.c.Args) > 1 {
		p := pathOf(cc.c.Args[1])
		return strings.HasSuffix(p, "SafeLoader") || strings.HasSuffix(p, "BaseLoader")
	}
	return false
}

// pySSRF: the URL of requests.get(url), requests.request(method, url),
// urlopen(url), httpx and aiohttp calls.
func (in *interp) pySSRF(cc *callCtx, q string) {
	u, x := cc.arg(0), cc.argX(0)
	if lastOf(q) == "request" && len(cc.args) > 1 {
		u, x = cc.arg(1), cc.argX(1)
	}
	if cc.kw != nil && cc.kw["url"] != nil {
		u = cc.kw["url"]
	}
	in.hit(cc, RuleSSRF, u, x, q, nil)
}

// pyResponse: an HTML response built from input (Azure HttpResponse,
// Flask Response).
func (in *interp) pyResponse(cc *callCtx, q string) {
	html := strings.HasPrefix(q, "flask")
	for _, k := range []string{"mimetype", "content_type"} {
		if v := cc.kw[k]; v != nil && v.str != nil {
			html = strings.Contains(*v.str, "html")
		}
	}
	if h := cc.kw["headers"]; h != nil {
		for k, v := range h.fields {
			if strings.EqualFold(k, "content-type") && v != nil && v.str != nil {
				html = strings.Contains(*v.str, "html")
			}
		}
	}
	if !html {
		return
	}
	body, x := cc.arg(0), cc.argX(0)
	if body == nil && cc.kw != nil {
		body = cc.kw["body"]
	}
	in.hit(cc, RuleXSS, body, x, q, nil)
}

// pyHeuristicSinks: cursor.execute("SELECT … %s" % x) on a cursor the
// engine could not name.
func (in *interp) pyHeuristicSinks(cc *callCtx) {
	if _, ok := cc.c.Fn.(*Member); !ok || cc.recv.isTainted() {
		return
	}
	if pySQLMethods[cc.name] {
		if a := cc.arg(0); a != nil && looksSQL(a.prefixText()) {
			in.hit(cc, RuleSQL, a, cc.argX(0), "."+cc.name+"()", nil)
		}
	}
}
