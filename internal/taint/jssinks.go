package taint

import "strings"

// JavaScript and TypeScript sinks.

var fsPathFns = setOf("readFile", "readFileSync", "writeFile", "writeFileSync", "appendFile", "appendFileSync",
	"createReadStream", "createWriteStream", "unlink", "unlinkSync", "rm", "rmSync", "rmdir", "rmdirSync",
	"open", "openSync", "readdir", "readdirSync", "copyFile", "copyFileSync", "rename", "renameSync", "symlink",
	"symlinkSync", "truncate", "truncateSync", "chmod", "chmodSync", "cp", "cpSync", "readJson", "readJSON",
	"readJsonSync", "writeJson", "writeJSON", "writeJsonSync", "outputFile", "outputFileSync", "outputJson",
	"remove", "removeSync", "copy", "copySync", "move", "moveSync", "readlink", "lstat")

var fsRoots = setOf("fs", "fs-extra", "graceful-fs", "original-fs")

var sqlRoots = setOf("pg", "mysql", "mysql2", "sequelize", "knex", "sqlite3", "better-sqlite3", "mssql", "oracledb",
	"typeorm", "pg-promise", "postgres", "@prisma/client", "slonik", "tedious", "serverless-mysql", "data-api-client",
	"@databases/pg", "@databases/mysql", "@neondatabase/serverless", "@vercel/postgres", "@planetscale/database")

var sqlMethods = setOf("query", "execute", "raw", "run", "all", "get", "each", "exec", "prepare", "unsafe",
	"$queryRawUnsafe", "$executeRawUnsafe", "none", "one", "many", "any", "oneOrNone", "manyOrNone", "result",
	"whereRaw", "havingRaw", "orderByRaw", "joinRaw", "fromRaw", "groupByRaw", "literal", "multi", "task")

var mongoRoots = setOf("mongodb", "mongoose", "monk", "mongojs", "mongodb-memory-server")

var mongoMethods = setOf("find", "findOne", "findOneAndUpdate", "findOneAndDelete", "findOneAndReplace",
	"updateOne", "updateMany", "deleteOne", "deleteMany", "countDocuments", "count", "distinct", "remove",
	"update", "replaceOne", "where", "findById", "exists")

var distinctMongo = setOf("findOne", "findOneAndUpdate", "findOneAndDelete", "updateOne", "updateMany",
	"deleteOne", "deleteMany", "countDocuments")

var httpClientMethods = setOf("get", "post", "put", "delete", "del", "head", "patch", "request", "options", "fetch", "stream")

var httpClientRoots = setOf("axios", "got", "request", "request-promise", "request-promise-native", "superagent",
	"needle", "undici", "node-fetch", "cross-fetch", "isomorphic-fetch", "ky", "phin", "bent", "make-fetch-happen")

var templateCompilers = map[string]bool{
	"lodash.template": true, "underscore.template": true, "ejs.render": true, "ejs.compile": true,
	"pug.render": true, "pug.compile": true, "jade.render": true, "jade.compile": true,
	"handlebars.compile": true, "handlebars.precompile": true, "nunjucks.renderString": true,
	"dustjs-linkedin.renderSource": true, "dustjs-linkedin.compile": true, "dot.template": true,
	"lodash.template.template": true, "hogan.js.compile": true, "eta.render": true, "squirrelly.render": true,
}

// jsSinks checks a call against the JavaScript sink models.
func (in *interp) jsSinks(cc *callCtx) {
	q, root, last := cc.q, rootOf(cc.q), lastOf(cc.q)
	switch {
	case q == "":
		in.jsHeuristicSinks(cc)
		return
	case root == "child_process":
		in.childProcess(cc, last)
	case q == "shelljs.exec", q == "execa.command", q == "execa.commandSync", q == "execa.$":
		in.hit(cc, RuleCommand, cc.arg(0), cc.argX(0), q, nil)
	case root == "execa" || root == "cross-spawn":
		in.spawnLike(cc, q)
	case q == "eval", q == "Function", q == "vm.runInNewContext", q == "vm.runInThisContext", q == "vm.runInContext",
		q == "vm.Script", q == "vm.compileFunction", q == "vm.SourceTextModule", q == "safe-eval", q == "vm2.VM.run", q == "vm2.NodeVM.run":
		for i := range cc.args {
			if q != "Function" && q != "vm.compileFunction" && i > 0 {
				break
			}
			if in.hit(cc, RuleCode, cc.arg(i), cc.argX(i), q, nil) {
				break
			}
		}
	case q == "setTimeout" || q == "setInterval" || q == "setImmediate":
		if a := cc.arg(0); a != nil && a.fn == nil {
			in.hit(cc, RuleCode, a, cc.argX(0), q+" with a string", nil)
		}
	case templateCompilers[q]:
		in.hit(cc, RuleTemplate, cc.arg(0), cc.argX(0), q, nil)
	case q == "dustjs-linkedin.render" || q == "dustjs-linkedin.stream" || q == "dustjs-helpers.render":
		in.dustRender(cc)
	case q == "node-serialize.unserialize", q == "serialize-to-js.deserialize", q == "funcster.deepDeserialize",
		q == "cryo.parse", q == "serialize-javascript.deserialize":
		in.hit(cc, RuleDeserialization, cc.arg(0), cc.argX(0), q, nil)
	case q == "js-yaml.load" && hasField(cc.arg(1), "schema", "DEFAULT_FULL_SCHEMA"):
		in.hit(cc, RuleDeserialization, cc.arg(0), cc.argX(0), q+" with the full schema", nil)
	case (root == "libxmljs" || root == "libxmljs2") && strings.HasPrefix(last, "parseXml"):
		if o := cc.arg(1); o != nil && o.fields["noent"] != nil && o.fields["noent"].flags&fNumber != 0 && isTrueLit(cc.c, 1, "noent") {
			in.hit(cc, RuleXXE, cc.arg(0), cc.argX(0), q+" with noent: true", nil)
		}
	case q == "RegExp":
		in.hit(cc, RuleReDoS, cc.arg(0), cc.argX(0), "new RegExp", nil)
	case fsRoots[root] && fsPathFns[last]:
		in.hit(cc, RulePath, cc.arg(0), cc.argX(0), "fs."+last, nil)
		if last == "copyFile" || last == "copyFileSync" || last == "rename" || last == "renameSync" || last == "copy" || last == "move" || last == "cp" {
			in.hit(cc, RulePath, cc.arg(1), cc.argX(1), "fs."+last, nil)
		}
	case q == "fetch", httpClientRoots[root] && (q == root || httpClientMethods[last]):
		in.ssrf(cc, q)
	case (root == "http" || root == "https" || root == "http2") && (last == "get" || last == "request" || last == "connect"):
		in.ssrf(cc, q)
	case sqlRoots[root] && sqlMethods[last]:
		in.sqlSink(cc, q)
	case mongoRoots[root] && mongoMethods[last]:
		in.mongoSink(cc, q)
	case (root == "lodash" || root == "set-value" || root == "dot-prop" || root == "object-path" || root == "dset" || root == "deep-set" || root == "lodash.set") &&
		(last == "set" || last == "setWith" || last == root || q == root || last == "dset"):
		in.hit(cc, RulePrototype, cc.arg(1), cc.argX(1), q+" with a property path", nil)
	case root == "jsonwebtoken" || root == "jose":
	default:
		in.jsHeuristicSinks(cc)
	}
}

// childProcess: exec* run a shell; spawn/execFile only with shell: true,
// else the program itself must not be chosen by the attacker.
func (in *interp) childProcess(cc *callCtx, last string) {
	switch last {
	case "exec", "execSync":
		in.hit(cc, RuleCommand, cc.arg(0), cc.argX(0), "child_process."+last, nil)
	case "spawn", "spawnSync", "execFile", "execFileSync", "fork":
		in.spawnLike(cc, "child_process."+last)
	}
}

// spawnLike: a command and an argument array; with shell: true every
// argument is shell text.
func (in *interp) spawnLike(cc *callCtx, name string) {
	shell := false
	for i, a := range cc.args {
		if a != nil && a.fields != nil && a.fields["shell"] != nil && isTrueLit(cc.c, i, "shell") {
			shell = true
		}
	}
	if in.hit(cc, RuleCommand, cc.arg(0), cc.argX(0), name, nil) || !shell {
		return
	}
	in.hit(cc, RuleCommand, cc.arg(1), cc.argX(1), name+" with shell: true", nil)
}

// isTrueLit reports whether argument i of the call is an object literal
// whose property key is the literal true (shell: true, noent: true).
func isTrueLit(c *Call, i int, key string) bool {
	if i >= len(c.Args) {
		return false
	}
	o, ok := c.Args[i].(*Object)
	if !ok {
		return false
	}
	for _, p := range o.Props {
		if p.Key == key {
			if l, ok := p.Value.(*Lit); ok && (l.Val == "true" || l.Val == "True") {
				return true
			}
			if _, ok := p.Value.(*Lit); !ok {
				return true // a variable: may be true
			}
		}
	}
	return false
}

func hasField(v *Value, key, symSuffix string) bool {
	if v == nil || v.fields[key] == nil {
		return false
	}
	return strings.HasSuffix(v.fields[key].sym, symSuffix)
}

// ssrf: the URL (or the host of an options object) of an outgoing request.
func (in *interp) ssrf(cc *callCtx, name string) {
	u := cc.arg(0)
	x := cc.argX(0)
	if cc.name == "request" && u != nil && u.str != nil && len(cc.args) > 1 { // needle('get', url)
		u, x = cc.arg(1), cc.argX(1)
	}
	if u != nil && u.at != nil && u.fields != nil && !u.isTainted() { // options object
		for _, k := range []string{"url", "uri", "host", "hostname", "baseURL", "origin"} {
			if f := u.fields[k]; f != nil && in.hit(cc, RuleSSRF, f, x, name, nil) {
				return
			}
		}
		return
	}
	in.hit(cc, RuleSSRF, u, x, name, nil)
}

// sqlSink: the SQL text of a query (first argument, or its text/sql
// property) must not be built from input; values passed apart are fine.
func (in *interp) sqlSink(cc *callCtx, name string) {
	a := cc.arg(0)
	if a != nil && a.at != nil && a.fields != nil {
		for _, k := range []string{"text", "sql", "query"} {
			if f := a.fields[k]; f != nil {
				in.hit(cc, RuleSQL, f, cc.argX(0), name, nil)
				return
			}
		}
		return
	}
	if a != nil && a.fn != nil {
		return
	}
	in.hit(cc, RuleSQL, a, cc.argX(0), name, nil)
}

// mongoSink: a filter taken whole from the input, a filter property that
// may be an operator object ({"$ne": null}), or $where code from input.
func (in *interp) mongoSink(cc *callCtx, name string) {
	f := cc.arg(0)
	if f == nil || f.fn != nil {
		return
	}
	if f.at == nil { // not a literal: the whole filter
		in.hit(cc, RuleNoSQL, f, cc.argX(0), name, func(t *Taint) bool { return t.NotStr })
		return
	}
	for k, v := range f.fields {
		if k == "$where" || k == "$function" || k == "$accumulator" {
			if in.hit(cc, RuleNoSQL, v, cc.argX(0), name+" with "+k, nil) {
				return
			}
			continue
		}
		if v != nil && v.at != nil {
			continue // an operator object written here: {age: {$gt: n}}
		}
		if in.hit(cc, RuleNoSQL, v, cc.argX(0), name, func(t *Taint) bool { return t.NotStr }) {
			return
		}
	}
}

// jsHeuristicSinks: calls on values the engine could not name (a client
// handed in as a parameter): a SQL string built from input passed to
// .query(), a Mongo filter of input to findOne().
func (in *interp) jsHeuristicSinks(cc *callCtx) {
	if _, ok := cc.c.Fn.(*Member); !ok || cc.recv.isTainted() {
		return
	}
	switch {
	case cc.name == "query" || cc.name == "execute" || cc.name == "raw" || cc.name == "unsafe" || cc.name == "$queryRawUnsafe" || cc.name == "$executeRawUnsafe":
		if a := cc.arg(0); a != nil && looksSQL(a.prefixText()) {
			in.hit(cc, RuleSQL, a, cc.argX(0), "."+cc.name+"()", nil)
		}
	case distinctMongo[cc.name]:
		in.mongoSink(cc, "."+cc.name+"()")
	}
}

// looksSQL reports whether the known text of a string is a SQL statement.
func looksSQL(text string) bool {
	t := strings.ToUpper(strings.TrimSpace(strings.Trim(text, "\x00\x01")))
	for _, kw := range []string{"SELECT ", "INSERT ", "UPDATE ", "DELETE ", "REPLACE ", "MERGE ", "CALL ", "EXEC ", "WITH "} {
		if strings.HasPrefix(t, kw) {
			return strings.Contains(t, " FROM ") || strings.Contains(t, " INTO ") || strings.Contains(t, " SET ") ||
				strings.Contains(t, " WHERE ") || strings.HasPrefix(t, "CALL ") || strings.HasPrefix(t, "EXEC ")
		}
	}
	return false
}
