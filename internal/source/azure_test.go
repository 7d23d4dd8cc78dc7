package source

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pyDecorator renders a decorator for comparison: "app.route(route=x)".
func pyDecorator(c AzureCall) string {
	var kw []string
	for _, k := range sortedKeys(c.Args.Fields) {
		kw = append(kw, k+"="+valueText(c.Args.Fields[k]))
	}
	for _, it := range c.Args.Items {
		kw = append(kw, valueText(it))
	}
	return c.Object + "." + c.Method + "(" + strings.Join(kw, ",") + ")"
}

// valueText renders a value compactly: strings quoted, lists bracketed.
func valueText(v AzureValue) string {
	switch v.Kind {
	case AzureString:
		return "'" + v.Text + "'"
	case AzureList:
		var parts []string
		for _, it := range v.Items {
			parts = append(parts, valueText(it))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case AzureObject:
		var parts []string
		for _, k := range sortedKeys(v.Fields) {
			parts = append(parts, k+":"+valueText(v.Fields[k]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case AzureCallExpr:
		var parts []string
		for _, it := range v.Items {
			parts = append(parts, valueText(it))
		}
		return v.Text + "(" + strings.Join(parts, " ") + ")"
	case AzureName, AzureNumber, AzureBool:
		return v.Text
	}
	return "<" + v.Kind + ">"
}

func sortedKeys(m map[string]AzureValue) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestAzurePython(t *testing.T) {
	src := lines(
		"import azure.functions as func",              // 1
		"from .blueprints import orders as orders_bp", // 2
		"import shared.db",                            // 3
		"",                                            // 4
		"app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)", // 5
		"app.register_functions(orders_bp.bp)",                             // 6
		"",                                                                 // 7
		"@app.function_name(name=\"Hello\")",                               // 8
		"@app.route(route='hello/{id}', methods=[\"GET\", func.HttpMethod.POST])", // 9
		"async def hello(req):", // 10
		"    return None",       // 11
		"",                      // 12
		"@app.timer_trigger(schedule=\"0 */5 * * * *\", arg_name='t', run_on_startup=True)", // 13
		"def tick(t):",                   // 14
		"    @app.route(route='nested')", // 15
		"    def inner(r): pass",         // 16
		"",                               // 17
		"@staticmethod",                  // 18
		"def plain(): pass",              // 19
		"",                               // 20
		"@app.route(route=f'x/{name}', auth_level=level())", // 21
		"def formatted(req): pass",                          // 22
		"try:",                                              // 23
		"    @app.queue_trigger(arg_name='m', queue_name='jobs', connection='Store')", // 24
		"    def job(m): pass", // 25
		"except ImportError:",  // 26
		"    pass",             // 27
	)
	m := mustParse(t, "function_app.py", src).AzurePython()
	type fn struct {
		Name string
		Line int
		Decs []string
	}
	var got []fn
	for _, f := range m.Functions {
		var decs []string
		for _, d := range f.Decorators {
			decs = append(decs, pyDecorator(d))
		}
		got = append(got, fn{f.Name, f.Line, decs})
	}
	want := []fn{
		{"hello", 10, []string{"app.function_name(name='Hello')", "app.route(methods=['GET' func.HttpMethod.POST],route='hello/{id}')"}},
		{"tick", 14, []string{"app.timer_trigger(arg_name='t',run_on_startup=true,schedule='0 */5 * * * *')"}},
		{"formatted", 22, []string{"app.route(auth_level=level(),route=<other>)"}},
		{"job", 25, []string{"app.queue_trigger(arg_name='m',connection='Store',queue_name='jobs')"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("functions (-want +got):\n%s", diff)
	}
	if len(m.Objects) != 1 || m.Objects[0].Name != "app" || m.Objects[0].Call.Text != "func.FunctionApp" || m.Objects[0].Line != 5 ||
		m.Objects[0].Call.Field("http_auth_level").Text != "func.AuthLevel.ANONYMOUS" {
		t.Errorf("objects = %+v", m.Objects)
	}
	if len(m.Calls) != 1 || pyDecorator(m.Calls[0]) != "app.register_functions(orders_bp.bp)" {
		t.Errorf("calls = %+v", m.Calls)
	}
	wantImports := map[string]AzurePyImport{
		"func":      {Module: "azure.functions", Line: 1},
		"orders_bp": {Module: ".blueprints", Name: "orders", Line: 2},
		"shared":    {Module: "shared", Line: 3},
	}
	if diff := cmp.Diff(wantImports, m.Imports); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
}

func TestAzurePythonOtherLanguages(t *testing.T) {
	m := mustParse(t, "x.js", "app.route('x')\n").AzurePython()
	if len(m.Functions)+len(m.Objects)+len(m.Calls)+len(m.Imports) != 0 {
		t.Errorf("JavaScript file gave %+v", m)
	}
	f := mustParse(t, "x.py", "@app.route()\ndef a(): pass\n")
	f.Close()
	if m := f.AzurePython(); len(m.Functions) != 0 {
		t.Errorf("closed file gave %+v", m)
	}
}

func TestAzureNodeRegistrations(t *testing.T) {
	cases := []struct {
		name, path, src string
		want            []string // "method line args handler=name@line from#export"
	}{
		{"commonjs destructuring, inline handler", "h.js", lines(
			"const { app } = require('@azure/functions');",
			"",
			"app.http('hello', {",
			"  methods: ['GET', 'POST'],",
			"  authLevel: 'anonymous',",
			"  handler: async (req, ctx) => {",
			"    return { body: 'hi' };",
			"  },",
			"});"),
			[]string{"http 3 'hello' {authLevel:'anonymous' handler:<function> methods:['GET' 'POST']} handler=@6"}},
		{"es import, local and imported handlers", "h.ts", lines(
			"import { app, HttpRequest } from '@azure/functions';",
			"import { listTodos } from '../handlers/todos';",
			"import * as admin from './admin';",
			"import report from './report';",
			"",
			"export async function getTodo(req: HttpRequest) {",
			"  return {};",
			"}",
			"const remove = async () => ({});",
			"app.get('getTodo', { route: 'todos/{id}', handler: getTodo });",
			"app.get('listTodos', listTodos);",
			"app.deleteRequest('remove', { handler: remove as any });",
			"app.post('admin', { handler: admin.run });",
			"app.timer('report', { schedule: '0 0 * * * *', handler: report });"),
			[]string{
				"get 10 'getTodo' {handler:getTodo route:'todos/{id}'} handler=getTodo@6",
				"get 11 'listTodos' listTodos handler=listTodos@2 ../handlers/todos#listTodos",
				"deleteRequest 12 'remove' {handler:remove} handler=remove@9",
				"post 13 'admin' {handler:admin.run} handler=admin.run@3 ./admin#run",
				"timer 14 'report' {handler:report schedule:'0 0 * * * *'} handler=report@4 ./report#default",
			}},
		{"aliases and namespaces", "h.js", lines(
			"const az = require('@azure/functions');",
			"const { app: functions } = require(\"@azure/functions\");",
			"const direct = require('@azure/functions').app;",
			"az.app.storageQueue('q', { queueName: 'jobs', connection: 'Store', handler() {} });",
			"functions.serviceBusTopic('t', { topicName: 'x', subscriptionName: 's', connection: 'Bus', handler: () => 1 });",
			"direct.generic('g', { trigger: trigger.generic({ type: 'httpTrigger', authLevel: 'anonymous' }), handler: h });",
			"function h() {}"),
			[]string{
				"storageQueue 4 'q' {connection:'Store' handler:<function> queueName:'jobs'} handler=@4",
				"serviceBusTopic 5 't' {connection:'Bus' handler:<function> subscriptionName:'s' topicName:'x'} handler=@5",
				"generic 6 'g' {handler:h trigger:trigger.generic({authLevel:'anonymous' type:'httpTrigger'})} handler=h@7",
			}},
		{"registrations inside a loop keep computed names", "h.js", lines(
			"import { app } from '@azure/functions';",
			"for (const r of routes) {",
			"  app.http(r.name, { handler: r.fn });",
			"}"),
			[]string{"http 3 r.name {handler:r.fn} handler=r.fn@0"}},
		{"an app from elsewhere is not the Functions app", "h.js", lines(
			"const app = require('express')();",
			"app.get('/x', (req, res) => res.send('x'));"),
			nil},
		{"type-only import binds nothing", "h.ts", lines(
			"import type { app } from '@azure/functions';",
			"app.http('x', { handler: () => 1 });"),
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range mustParse(t, c.path, c.src).AzureNodeRegistrations() {
				var args []string
				for _, a := range r.Args {
					args = append(args, valueText(a))
				}
				s := r.Method + " " + strconv.Itoa(r.Line) + " " + strings.Join(args, " ") + " handler=" + r.Handler.Name + "@" + strconv.Itoa(r.Handler.Line)
				if r.Handler.From != "" {
					s += " " + r.Handler.From + "#" + r.Handler.Export
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("registrations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAzureValueStrings(t *testing.T) {
	v := AzureValue{Kind: AzureList, Items: []AzureValue{
		{Kind: AzureString, Text: "GET"}, {Kind: AzureName, Text: "func.HttpMethod.POST"}, {Kind: AzureOther},
	}}
	if got := v.Strings(); !cmp.Equal(got, []string{"GET", "POST"}) {
		t.Errorf("Strings() = %v", got)
	}
	if got := (AzureValue{Kind: AzureString, Text: "x"}).Strings(); !cmp.Equal(got, []string{"x"}) {
		t.Errorf("Strings() of a scalar = %v", got)
	}
	if (AzureValue{Kind: AzureName, Text: "x"}).Str() != "" {
		t.Error("Str() of a name is not empty")
	}
}
