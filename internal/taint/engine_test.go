package taint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Table-driven checks of the engine on small handlers: which rule fires on
// which line, and the trace it gives.
func TestAnalyze(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		src      string
		triggers []string
		want     []string // rule@line
	}{
		{"schedule is not a source", "a.js", "const {exec}=require('child_process');\nexports.handler=async(e)=>{exec(e.x)}", []string{"schedule"}, nil},
		{"no trigger: invocation payload", "a.js", "const {exec}=require('child_process');\nexports.handler=async(e)=>{exec(e.x)}", nil, []string{RuleCommand + "@2"}},
		{"requestContext identity is not attacker data", "a.js", "const {exec}=require('child_process');\nexports.handler=async(e)=>{exec(e.requestContext.identity.sourceIp)}", []string{"http"}, nil},
		{"promisified exec", "a.js", "const util=require('util');const cp=require('node:child_process');\nconst run=util.promisify(cp.exec);\nexports.handler=async(e)=>{await run('x '+e.body)}", []string{"http"}, []string{RuleCommand + "@3"}},
		{"closure over a guarded value", "a.js", "const {exec}=require('child_process');const OK=['a'];\nexports.handler=async(e)=>{const v=e.queryStringParameters.v;\nif(!OK.includes(v)) return;\n[1].forEach(()=>exec(v))}", []string{"http"}, nil},
		{"es module import", "a.mjs", "import { exec } from 'child_process';\nexport const handler = async (e) => { exec(e.Records[0].Sns.Message) }", []string{"sns"}, []string{RuleCommand + "@2"}},
		{"python dict get chain", "a.py", "import os\ndef handler(event, context):\n    q = event.get('queryStringParameters', {})\n    os.system('x ' + q.get('a'))\n", []string{"http"}, []string{RuleCommand + "@4"}},
		{"python int() sanitises", "a.py", "import os\ndef handler(event, context):\n    os.system('sleep %d' % int(event['body']))\n", []string{"http"}, nil},
		{"url host fixed", "a.js", "const axios=require('axios');\nexports.handler=async(e)=>{await axios.get('https://api.example.com/u/'+e.pathParameters.id)}", []string{"http"}, nil},
		{"url host chosen", "a.js", "const axios=require('axios');\nexports.handler=async(e)=>{await axios.get('https://'+e.pathParameters.host+'/x')}", []string{"http"}, []string{RuleSSRF + "@2"}},
		{"recursion is bounded", "a.js", "const {exec}=require('child_process');\nfunction f(x,n){ if(n>0) return f(x,n-1); exec(x) }\nexports.handler=async(e)=>{f(e.body,3)}", []string{"http"}, []string{RuleCommand + "@2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			is := analyze(t, map[string]string{tc.file: tc.src}, awsFn(tc.file, tc.triggers...), "handler")
			var got []string
			for _, i := range is {
				got = append(got, i.Rule+"@"+itoa(i.Line))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTrace checks the steps of a cross-file trace.
func TestTrace(t *testing.T) {
	files := map[string]string{
		"src/h.js":       "const img = require('./lib/img');\nexports.handler = async (event) => {\n  const key = event.Records[0].s3.object.key;\n  await img.convert(key);\n};\n",
		"src/lib/img.js": "const { exec } = require('child_process');\nexports.convert = (path) => {\n  exec('convert ' + path);\n};\n",
	}
	is := analyze(t, files, awsFn("src/h.js", "s3"), "handler")
	if len(is) != 1 {
		t.Fatalf("got %d issues, want 1: %+v", len(is), is)
	}
	var steps []string
	for _, s := range is[0].Trace {
		steps = append(steps, s.File+":"+itoa(s.Line)+" "+s.Note)
	}
	want := []string{
		"src/h.js:3 event.Records[0].s3.object.key (S3 object key, attacker-controlled)",
		"src/h.js:3 assigned to key",
		"src/h.js:4 passed to convert() (src/lib/img.js:2)",
		"src/lib/img.js:3 reaches child_process.exec",
	}
	if diff := cmp.Diff(want, steps); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if is[0].File != "src/lib/img.js" || is[0].Line != 3 || !strings.Contains(is[0].Key, "child_process.exec") {
		t.Errorf("issue at %s:%d key %q", is[0].File, is[0].Line, is[0].Key)
	}
}

func TestAnchored(t *testing.T) {
	for re, want := range map[string]bool{
		`/^[a-z0-9-]+$/`: true, `/^[A-Za-z0-9_-]{1,64}$/i`: true, `^\d+$`: true, `\A[a-z]+\Z`: true,
		`/^.*$/`: false, `/^[^/]+$/`: false, `/^a|b$/`: false, `/[a-z]+/`: false, `/^[a-z]+/`: false, `^\S+$`: false,
		`/^(foo|bar)$/`: true,
	} {
		if got := anchored(re); got != want {
			t.Errorf("anchored(%q) = %v, want %v", re, got, want)
		}
	}
}

func TestOriginFixed(t *testing.T) {
	for text, want := range map[string]bool{
		"https://":              false,
		"https://api.":          false,
		"":                      false,
		"https://api.x.com/":    true,
		"https://api.x.com?q=":  true,
		"/relative/":            true,
		"\x00/items/":           true,
		"//":                    false,
		"http://x.com:8080/a/b": true,
	} {
		if got := originFixed(text); got != want {
			t.Errorf("originFixed(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestNormSym(t *testing.T) {
	for in, want := range map[string]string{
		"node:child_process.exec":   "child_process.exec",
		"fs/promises.readFile":      "fs.readFile",
		"fs.promises.writeFile":     "fs.writeFile",
		"pg.Pool().query":           "pg.Pool.query",
		"@aws-sdk/client-s3.S3().x": "@aws-sdk/client-s3.S3.x",
		"@scope/pkg/sub.fn":         "@scope/pkg.sub.fn",
		"lodash/template":           "lodash.template",
	} {
		if got := normSym(in); got != want {
			t.Errorf("normSym(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksSQL(t *testing.T) {
	for s, want := range map[string]bool{
		"SELECT * FROM t WHERE id = \x01": true, "delete from t where x = 1": true, "select me": false, "UPDATE t SET a = 1": true, "hello": false,
	} {
		if got := looksSQL(s); got != want {
			t.Errorf("looksSQL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestScanDust(t *testing.T) {
	ifs := scanDust("t.dust", "<p>{x}</p>\n{@if cond=\"'{theme}' == '{user.mode}'\"}a{/if}\n{@eq key=x value=\"y\"}{/eq}")
	if len(ifs) != 1 || ifs[0].line != 2 || !ifs[0].refs["theme"] || !ifs[0].refs["user"] {
		t.Errorf("scanDust = %+v", ifs)
	}
}

// Go methods are found by name only when one type of the package declares
// the name: with two, neither is guessed (types are not tracked, so the
// wrong one could be), a known miss rather than a finding from the wrong
// method.
func TestGoMethodAmbiguous(t *testing.T) {
	src := `package main

import (
	"context"
	"os/exec"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type shell struct{}

func (s *shell) Run(cmd string) { exec.Command("sh", "-c", cmd).Run() }

type noop struct{}

func (n *noop) Run(cmd string) {}

func handle(ctx context.Context, req events.APIGatewayProxyRequest) error {
	x := &shell{}
	x.Run(req.Body)
	return nil
}

func main() { lambda.Start(handle) }
`
	if is := analyze(t, map[string]string{"main.go": src}, awsFn("main.go", "http"), "handle"); len(is) != 0 {
		t.Errorf("ambiguous method followed: %+v", is)
	}
	one := strings.Replace(src, "func (n *noop) Run(cmd string) {}", "", 1)
	if is := analyze(t, map[string]string{"main.go": one}, awsFn("main.go", "http"), "handle"); len(is) != 1 || is[0].Rule != RuleCommand {
		t.Errorf("the only Run is not followed: %+v", is)
	}
}
