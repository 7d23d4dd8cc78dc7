package source

import (
	"strings"
	"testing"
)

// lines joins source lines so the expected line numbers in the tables can
// be read off the literal.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func mustParse(t testing.TB, path, src string) *File {
	t.Helper()
	f, err := Parse(path, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	t.Cleanup(f.Close)
	return f
}

type exportCase struct {
	name   string
	path   string
	src    string
	symbol string
	want   int
}

var jsExportCases = []exportCase{
	{"cjs exports.x", "h.js", lines(
		"const db = require('./db');",
		"exports.handler = async (event) => {",
		"  return db.get(event.id);",
		"};"), "handler", 2},
	{"cjs module.exports.x", "h.js", lines(
		"'use strict';",
		"",
		"module.exports.handler = function (event, context, cb) {};"), "handler", 3},
	{"cjs subscript string key", "h.js", lines(
		"exports['handler'] = () => 1;"), "handler", 1},
	{"cjs shorthand to local function", "h.js", lines(
		"async function handler(event) {",
		"  return 1;",
		"}",
		"",
		"module.exports = { handler };"), "handler", 1},
	{"cjs pair to local function", "h.js", lines(
		"const run = async (e) => e;",
		"module.exports = {",
		"  handler: run,",
		"};"), "handler", 1},
	{"cjs inline arrow property", "h.js", lines(
		"module.exports = {",
		"  other: 1,",
		"  handler: async (e) => {",
		"    return e;",
		"  },",
		"};"), "handler", 3},
	{"cjs method shorthand", "h.js", lines(
		"module.exports = {",
		"  async handler(event) {}",
		"};"), "handler", 2},
	{"cjs shorthand to required binding stays on property", "h.js", lines(
		"const { handler } = require('./impl');",
		"module.exports = {",
		"  handler,",
		"};"), "handler", 3},
	{"cjs identifier to require keeps assignment line", "h.js", lines(
		"const impl = require('./impl');",
		"exports.handler = impl;"), "handler", 2},
	{"cjs chained assignment", "h.js", lines(
		"exports.a = exports.handler = function () {};"), "handler", 1},
	{"cjs module.exports = fn exports no name", "h.js", lines(
		"module.exports = async function handler(event) {};"), "handler", 0},
	{"cjs module.exports = fn is the default", "h.js", lines(
		"// azure style",
		"module.exports = async function (context, req) {};"), "default", 2},
	{"cjs module.exports = local object", "h.js", lines(
		"function create() {}",
		"const handlers = { create };",
		"module.exports = handlers;"), "create", 1},
	{"cjs nested handlers object", "h.js", lines(
		"function create(e) {}",
		"function remove(e) {}",
		"exports.handlers = { create, del: remove };"), "handlers.create", 1},
	{"cjs nested through alias", "h.js", lines(
		"function create(e) {}",
		"function remove(e) {}",
		"exports.handlers = { create, del: remove };"), "handlers.del", 2},
	{"cjs nested assignment path", "h.js", lines(
		"exports.handlers = {};",
		"exports.handlers.create = (e) => e;"), "handlers.create", 2},
	{"cjs nested missing", "h.js", lines(
		"exports.handlers = { create: () => 1 };"), "handlers.update", 0},
	{"cjs bare exports rebinding exports nothing", "h.js", lines(
		"exports = { handler: () => 1 };"), "handler", 0},
	{"cjs last property wins", "h.js", lines(
		"module.exports = {",
		"  handler: () => 1,",
		"  handler: () => 2,",
		"};"), "handler", 3},
	{"esm export const", "h.mjs", lines(
		"import { S3 } from '@aws-sdk/client-s3';",
		"export const handler = async (event) => {};"), "handler", 2},
	{"esm export async function", "h.mjs", lines(
		"",
		"export async function handler(event) {",
		"}"), "handler", 2},
	{"esm export clause alias", "h.mjs", lines(
		"const x = 1;",
		"async function run(event) {}",
		"export { x, run as handler };"), "handler", 2},
	{"esm export clause of import", "h.mjs", lines(
		"import { run } from './impl.mjs';",
		"export { run as handler };"), "handler", 2},
	{"esm re-export from another module", "h.mjs", lines(
		"export { handler } from './impl.mjs';"), "handler", 1},
	{"esm export default function", "h.mjs", lines(
		"const a = 1;",
		"export default async function (event) {}"), "default", 2},
	{"esm export default identifier", "h.mjs", lines(
		"function main(e) {}",
		"",
		"export default main;"), "default", 1},
	{"esm export default is not a named export", "h.mjs", lines(
		"export default function handler(e) {}"), "handler", 0},
	{"esm export const object nested", "h.mjs", lines(
		"export const handlers = {",
		"  create: async () => {},",
		"};"), "handlers.create", 2},
	{"esm export let multi declarator", "h.mjs", lines(
		"export let a = 1, handler = () => 2;"), "handler", 1},
	{"esm const to local function", "h.mjs", lines(
		"async function base(e) {}",
		"export const handler = base;"), "handler", 1},
	{"esm const wrapped keeps declarator", "h.mjs", lines(
		"async function base(e) {}",
		"export const handler = middy(base).use(x());"), "handler", 2},
	{"jsx file", "h.jsx", lines(
		"const App = () => <div>hi</div>;",
		"export const handler = () => render(<App />);"), "handler", 2},
	{"absent symbol", "h.js", lines(
		"exports.other = () => 1;"), "handler", 0},
	{"symbol only in a comment", "h.js", lines(
		"// exports.handler = () => 1;",
		"/* module.exports = { handler } */",
		"exports.other = 1;"), "handler", 0},
	{"symbol only in a string", "h.js", lines(
		"const s = 'exports.handler = 1';",
		"const t = `export const handler = 2`;"), "handler", 0},
	{"local function not exported", "h.js", lines(
		"async function handler(event) {}",
		"exports.other = handler;"), "handler", 0},
	{"exported in a nested block is ignored", "h.js", lines(
		"function setup() {",
		"  exports.handler = () => 1;",
		"}"), "handler", 0},
	{"empty symbol", "h.js", "exports.handler = 1;\n", "", 0},
	{"syntax error elsewhere", "h.js", lines(
		"exports.handler = async (e) => {",
		"  return e;",
		"};",
		"function broken( {",
		"  let = ;"), "handler", 1},
}

var tsExportCases = []exportCase{
	{"ts export const typed", "h.ts", lines(
		"import type { APIGatewayProxyHandler } from 'aws-lambda';",
		"",
		"export const handler: APIGatewayProxyHandler = async (event): Promise<any> => {",
		"  return { statusCode: 200 };",
		"};"), "handler", 3},
	{"ts export async function typed", "h.ts", lines(
		"interface E { id: string }",
		"export async function handler(event: E): Promise<void> {}"), "handler", 2},
	{"ts overload signature skipped", "h.ts", lines(
		"export function handler(e: string): void;",
		"export function handler(e: any) {}"), "handler", 2},
	{"ts export = object", "h.cts", lines(
		"function handler(e: unknown) {}",
		"export = { handler };"), "handler", 1},
	{"ts as expression", "h.ts", lines(
		"const impl = async () => 1;",
		"exports.handler = impl as unknown as Handler;"), "handler", 1},
	{"ts satisfies object", "h.mts", lines(
		"export const handlers = {",
		"  create: async (e: E) => e,",
		"} satisfies Record<string, Handler>;"), "handlers.create", 2},
	{"ts export default class", "h.ts", lines(
		"export default class Fn {}"), "default", 1},
	{"ts interface named handler is not code", "h.ts", lines(
		"export interface handler { x: number }"), "handler", 0},
	{"tsx export function", "h.tsx", lines(
		"export function handler() {",
		"  return <b>x</b>;",
		"}"), "handler", 1},
	{"ts export { default } re-export", "h.ts", lines(
		"export { default } from './impl';"), "default", 1},
	{"ts export { x as default }", "h.ts", lines(
		"const h = async () => 1;",
		"export { h as default };"), "default", 1},
}

var pyExportCases = []exportCase{
	{"py def", "h.py", lines(
		"import json",
		"",
		"def handler(event, context):",
		"    return json.dumps(event)"), "handler", 3},
	{"py async def", "h.py", lines(
		"async def handler(event, context):",
		"    pass"), "handler", 1},
	{"py decorated def line is the def", "h.py", lines(
		"@logger.inject_lambda_context",
		"@tracer.capture_lambda_handler",
		"def handler(event, context):",
		"    pass"), "handler", 3},
	{"py assignment", "h.py", lines(
		"from mangum import Mangum",
		"from app import app",
		"",
		"handler = Mangum(app)"), "handler", 4},
	{"py annotated assignment", "h.py", lines(
		"handler: Callable = make_handler()"), "handler", 1},
	{"py alias to def", "h.py", lines(
		"def main(event, context):",
		"    pass",
		"",
		"lambda_handler = main"), "lambda_handler", 1},
	{"py def wins over rebinding", "h.py", lines(
		"def handler(event, context):",
		"    pass",
		"handler = wrap(handler)"), "handler", 1},
	{"py imported name", "h.py", lines(
		"import os",
		"from app.main import handler"), "handler", 2},
	{"py import alias", "h.py", lines(
		"from app.main import run as handler"), "handler", 1},
	{"py def inside if at module level", "h.py", lines(
		"import os",
		"if os.environ.get('X'):",
		"    def handler(event, context):",
		"        pass"), "handler", 3},
	{"py import inside try", "h.py", lines(
		"try:",
		"    from fast import handler",
		"except ImportError:",
		"    from slow import handler"), "handler", 2},
	{"py tuple assignment", "h.py", lines(
		"other, handler = make()"), "handler", 1},
	{"py method is not module level", "h.py", lines(
		"class App:",
		"    def handler(self, event, context):",
		"        pass"), "handler", 0},
	{"py nested def is not module level", "h.py", lines(
		"def outer():",
		"    def handler(event, context):",
		"        pass"), "handler", 0},
	{"py comment and string only", "h.py", lines(
		"# def handler(event, context):",
		"DOC = 'def handler(event, context): pass'"), "handler", 0},
	{"py absent", "h.py", lines(
		"def lambda_handler(event, context):",
		"    pass"), "handler", 0},
}

var goExportCases = []exportCase{
	{"go main", "main.go", lines(
		"package main",
		"",
		"import \"fmt\"",
		"",
		"func main() {",
		"\tfmt.Println(1)",
		"}"), "main", 5},
	{"go named func", "main.go", lines(
		"package main",
		"func Handle() {}"), "Handle", 2},
	{"go method is not a func", "main.go", lines(
		"package main",
		"type S struct{}",
		"func (S) main() {}"), "main", 0},
	{"go absent", "main.go", lines(
		"package handlers",
		"func handle() {}"), "main", 0},
}

func TestExportLine(t *testing.T) {
	var all []exportCase
	for _, cs := range [][]exportCase{jsExportCases, tsExportCases, pyExportCases, goExportCases} {
		all = append(all, cs...)
	}
	for _, tc := range all {
		t.Run(tc.name, func(t *testing.T) {
			f := mustParse(t, tc.path, tc.src)
			if got := f.ExportLine(tc.symbol); got != tc.want {
				t.Errorf("ExportLine(%q) = %d, want %d\n%s", tc.symbol, got, tc.want, tc.src)
			}
		})
	}
}

func TestHandlerLineGo(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"lambda.Start local func", lines(
			"package main",
			"",
			"import \"github.com/aws/aws-lambda-go/lambda\"",
			"",
			"func handle(ctx context.Context, e Event) error {",
			"\treturn nil",
			"}",
			"",
			"func main() {",
			"\tlambda.Start(handle)",
			"}"), 5},
		{"aliased import and StartWithOptions", lines(
			"package main",
			"import (",
			"\taws \"github.com/aws/aws-lambda-go/lambda\"",
			")",
			"func main() { aws.StartWithOptions(run, aws.WithContext(ctx)) }",
			"func run() {}"), 6},
		{"wrapped handler", lines(
			"package main",
			"import \"github.com/aws/aws-lambda-go/lambda\"",
			"func main() {",
			"\tlambda.Start(otelaws.WrapHandler(handle))",
			"}",
			"func handle() {}"), 6},
		{"func literal", lines(
			"package main",
			"import \"github.com/aws/aws-lambda-go/lambda\"",
			"func main() {",
			"\tlambda.Start(func(ctx context.Context) error {",
			"\t\treturn nil",
			"\t})",
			"}"), 4},
		{"method value", lines(
			"package main",
			"import \"github.com/aws/aws-lambda-go/lambda\"",
			"type H struct{}",
			"func (h *H) Handle() {}",
			"func main() { h := &H{}; lambda.Start(h.Handle) }"), 4},
		{"handler from another package falls back to main", lines(
			"package main",
			"import (",
			"\t\"github.com/aws/aws-lambda-go/lambda\"",
			"\t\"example.com/app/handlers\"",
			")",
			"func main() {",
			"\tlambda.Start(handlers.Create)",
			"}"), 6},
		{"no lambda import", lines(
			"package main",
			"func handle() {}",
			"func main() { lambda.Start(handle) }"), 3},
		{"no main", lines(
			"package lib",
			"func handle() {}"), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := mustParse(t, "main.go", tc.src)
			if got := f.HandlerLine("main"); got != tc.want {
				t.Errorf("HandlerLine(main) = %d, want %d\n%s", got, tc.want, tc.src)
			}
		})
	}
}

func TestHandlerLineOtherLangsIsExportLine(t *testing.T) {
	f := mustParse(t, "h.py", "x = 1\ndef handler(e, c): pass\n")
	if got := f.HandlerLine("handler"); got != 2 {
		t.Errorf("HandlerLine = %d, want 2", got)
	}
}

func TestExportLineAfterClose(t *testing.T) {
	f := mustParse(t, "h.js", "exports.handler = 1;\n")
	f.Close()
	f.Close()
	if got := f.ExportLine("handler"); got != 0 {
		t.Errorf("ExportLine after Close = %d", got)
	}
	if f.HasErrors() || f.LocalImports() != nil || len(f.Packages()) != 0 || f.HandlerLine("handler") != 0 {
		t.Error("a closed file must find nothing")
	}
}
