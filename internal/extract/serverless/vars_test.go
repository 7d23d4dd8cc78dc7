package serverless

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// resolveFiles writes files to a temporary tree, resolves the manifest
// (svc/serverless.yml, or serverless.yml when there is no svc/ one) and
// returns the resolver and the resolved document.
func resolveFiles(t testing.TB, files map[string]string, vars extract.Vars) (*resolver, *cfgtree.Node) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	manifest := "svc/serverless.yml"
	if _, ok := files[manifest]; !ok {
		manifest = "serverless.yml"
	}
	f, ok := tree.Lookup(manifest)
	if !ok {
		t.Fatalf("%s not in tree", manifest)
	}
	root, err := cfgtree.Parse([]byte(files[manifest]))
	if err != nil {
		t.Fatal(err)
	}
	r := newResolver(&extract.Input{Tree: tree, File: f, Vars: vars}, root)
	return r, r.full(root)
}

// show renders a resolved node compactly: scalars as their text, maps and
// lists as JSON.
func show(n *cfgtree.Node) string {
	if n == nil {
		return "<nil>"
	}
	if n.Kind == cfgtree.Scalar {
		return n.Value
	}
	b, _ := json.Marshal(plain(n))
	return string(b)
}

func plain(n *cfgtree.Node) any {
	switch n.Kind {
	case cfgtree.Map:
		m := map[string]any{}
		for _, e := range n.Entries {
			m[e.Key] = plain(e.Value)
		}
		return m
	case cfgtree.Seq:
		var out []any
		for _, it := range n.Items {
			out = append(out, plain(it))
		}
		return out
	case cfgtree.Null:
		return nil
	}
	return n.Value
}

func TestResolveVariables(t *testing.T) {
	const svc = "svc/serverless.yml"
	cases := []struct {
		name       string
		files      map[string]string
		vars       extract.Vars
		want       string
		unresolved bool
		problem    string // substring of the only problem expected ("" = none)
	}{
		{name: "self", files: map[string]string{svc: "custom: {a: x}\nv: ${self:custom.a}"}, want: "x"},
		{name: "self list index", files: map[string]string{svc: "custom: {l: [a, b]}\nv: ${self:custom.l.1}"}, want: "b"},
		{name: "self keeps map type", files: map[string]string{svc: "custom: {m: {k: 1}}\nv: ${self:custom.m}"}, want: `{"k":"1"}`},
		{name: "self keeps list type", files: map[string]string{svc: "custom: {l: [1, 2]}\nv: ${self:custom.l}"}, want: `["1","2"]`},
		{name: "embedded", files: map[string]string{svc: "service: api\nv: pre-${self:service}-${self:service}"}, want: "pre-api-api"},
		{name: "chain", files: map[string]string{svc: "custom: {a: '${self:custom.b}', b: '${self:custom.c}', c: z}\nv: ${self:custom.a}"}, want: "z"},
		{name: "through file include", files: map[string]string{svc: "custom: ${file(./c.yml)}\nv: ${self:custom.db.name}", "svc/c.yml": "db: {name: orders}"}, want: "orders"},
		{name: "self missing", files: map[string]string{svc: "v: ${self:custom.nope}"}, want: "${self:custom.nope}", unresolved: true, problem: "self:custom is not defined"},
		{name: "v1 provider.stage default", files: map[string]string{svc: "v: ${self:provider.stage}-${self:provider.region}"}, want: "dev-us-east-1"},
		{name: "v1 provider.stage from vars", files: map[string]string{svc: "v: ${self:provider.stage}"}, vars: extract.Vars{Stage: "prod"}, want: "prod"},
		{name: "opt fallback", files: map[string]string{svc: "v: ${opt:stage, 'qa'}"}, want: "qa"},
		{name: "opt from vars", files: map[string]string{svc: "v: ${opt:stage, 'qa'}"}, vars: extract.Vars{Stage: "prod"}, want: "prod"},
		{name: "opt provider default", files: map[string]string{svc: "provider: {stage: staging}\nv: ${opt:stage}"}, want: "staging"},
		{name: "opt framework default", files: map[string]string{svc: "v: ${opt:stage}"}, want: "dev"},
		{name: "opt default through itself", files: map[string]string{svc: "provider: {stage: '${opt:stage}'}\nv: ${opt:stage}"}, want: "dev"},
		{name: "opt default through custom", files: map[string]string{svc: "provider: {stage: '${self:custom.stage}'}\ncustom: {stage: '${opt:stage, \"qa\"}'}\nv: ${sls:stage}"}, want: "qa"},
		{name: "opt region", files: map[string]string{svc: "provider: {region: eu-west-1}\nv: ${opt:region}"}, want: "eu-west-1"},
		{name: "opt region vars", files: map[string]string{svc: "v: ${opt:region}"}, vars: extract.Vars{Region: "ap-south-1"}, want: "ap-south-1"},
		{name: "opt unknown", files: map[string]string{svc: "v: ${opt:foo}"}, want: "${opt:foo}", unresolved: true},
		{name: "sls stage", files: map[string]string{svc: "v: ${sls:stage}"}, want: "dev"},
		{name: "sls instanceId", files: map[string]string{svc: "v: ${sls:instanceId}"}, want: "${sls:instanceId}", unresolved: true},
		{name: "env without vars", files: map[string]string{svc: "v: ${env:HOME}"}, want: "${env:HOME}", unresolved: true},
		{name: "env fallback", files: map[string]string{svc: "v: ${env:HOME, 'none'}"}, want: "none"},
		{name: "env from vars", files: map[string]string{svc: "v: ${env:HOME, 'none'}"}, vars: extract.Vars{Env: map[string]string{"HOME": "/root"}}, want: "/root"},
		{name: "param from vars", files: map[string]string{svc: "v: ${param:domain}"}, vars: extract.Vars{Params: map[string]string{"domain": "x.io"}}, want: "x.io"},
		{name: "param from manifest", files: map[string]string{svc: "params: {prod: {domain: p.io}, default: {domain: d.io}}\nv: ${param:domain}"}, want: "d.io"},
		{name: "param for stage", files: map[string]string{svc: "params: {prod: {domain: p.io}, default: {domain: d.io}}\nv: ${param:domain}"}, vars: extract.Vars{Stage: "prod"}, want: "p.io"},
		{name: "param v4 stages", files: map[string]string{svc: "stages: {default: {params: {domain: s.io}}}\nv: ${param:domain}"}, want: "s.io"},
		{name: "param missing", files: map[string]string{svc: "v: ${param:domain, 'fb.io'}"}, want: "fb.io"},
		{name: "file key", files: map[string]string{svc: "v: ${file(./cfg.yml):db.name}", "svc/cfg.yml": "db:\n  name: orders\n"}, want: "orders"},
		{name: "file json whole", files: map[string]string{svc: "v: ${file(./cfg.json)}", "svc/cfg.json": `{"a": [1]}`}, want: `{"a":["1"]}`},
		{name: "file parent dir inside tree", files: map[string]string{svc: "v: ${file(../shared.yml):x}", "shared.yml": "x: up"}, want: "up"},
		{name: "file nested name", files: map[string]string{svc: "v: ${file(./env.${opt:stage}.yml):k}", "svc/env.dev.yml": "k: devk"}, want: "devk"},
		{name: "file text", files: map[string]string{svc: "v: ${file(./note.txt)}", "svc/note.txt": "hello"}, want: "hello"},
		{name: "file missing", files: map[string]string{svc: "v: ${file(./nope.yml)}"}, want: "${file(./nope.yml)}", unresolved: true, problem: "not found"},
		{name: "file missing fallback", files: map[string]string{svc: "v: ${file(./nope.yml), 'x'}"}, want: "x"},
		{name: "file escape", files: map[string]string{svc: "v: ${file(../../etc/passwd)}"}, want: "${file(../../etc/passwd)}", unresolved: true, problem: "outside the scanned tree"},
		{name: "file absolute", files: map[string]string{svc: "v: ${file(/etc/passwd)}"}, want: "${file(/etc/passwd)}", unresolved: true, problem: "outside the scanned tree"},
		{name: "file program", files: map[string]string{svc: "v: ${file(./cfg.js):x}", "svc/cfg.js": "module.exports = {x: 1}"}, want: "${file(./cfg.js):x}", unresolved: true, problem: "never executes"},
		{name: "file broken", files: map[string]string{svc: "v: ${file(./bad.yml)}", "svc/bad.yml": "a: [b\n"}, want: "${file(./bad.yml)}", unresolved: true, problem: "cannot parse"},
		{name: "ssm", files: map[string]string{svc: "v: ${ssm:/app/db-password}"}, want: "${ssm:/app/db-password}", unresolved: true},
		{name: "ssm keeps fallback out", files: map[string]string{svc: "v: ${ssm:/x, 'fb'}"}, want: "${ssm:/x, 'fb'}", unresolved: true},
		{name: "aws", files: map[string]string{svc: "v: ${aws:accountId}"}, want: "${aws:accountId}", unresolved: true},
		{name: "cf region", files: map[string]string{svc: "v: ${cf(eu-west-1):stack.Output}"}, want: "${cf(eu-west-1):stack.Output}", unresolved: true},
		{name: "s3 and sm", files: map[string]string{svc: "v: ${s3:bucket/key}-${sm:secret}"}, want: "${s3:bucket/key}-${sm:secret}", unresolved: true},
		{name: "unknown source", files: map[string]string{svc: "v: ${vault:secret/x}"}, want: "${vault:secret/x}", unresolved: true},
		{name: "partly resolved", files: map[string]string{svc: "service: api\nv: ${self:service}-${ssm:/x}"}, want: "api-${ssm:/x}", unresolved: true},
		{name: "fallback chain", files: map[string]string{svc: "v: ${self:custom.nope, ${opt:nope}, 'lit'}"}, want: "lit"},
		{name: "fallback number keeps type", files: map[string]string{svc: "v: ${self:custom.nope, 30}"}, want: "30"},
		{name: "fallback bare self", files: map[string]string{svc: "provider: {stage: beta}\nv: ${opt:nope, self:provider.stage}"}, want: "beta"},
		{name: "fallback null", files: map[string]string{svc: "custom: {a: null}\nv: ${self:custom.a, 'd'}"}, want: "d"},
		{name: "nested", files: map[string]string{svc: "custom: {dev: {table: t-dev}, prod: {table: t-prod}}\nv: ${self:custom.${opt:stage}.table}"}, want: "t-dev"},
		{name: "nested with vars", files: map[string]string{svc: "custom: {dev: {table: t-dev}, prod: {table: t-prod}}\nv: ${self:custom.${opt:stage}.table}"}, vars: extract.Vars{Stage: "prod"}, want: "t-prod"},
		{name: "nested unresolved", files: map[string]string{svc: "v: ${self:custom.${ssm:/s}.table}"}, want: "${self:custom.${ssm:/s}.table}", unresolved: true},
		{name: "strToBool", files: map[string]string{svc: "v: ${strToBool(${env:F, 'false'})}"}, want: "false"},
		{name: "cloudformation pseudo parameter", files: map[string]string{svc: "v: arn:${AWS::Partition}:s3:::${self:custom.b}\ncustom: {b: bkt}"}, want: "arn:${AWS::Partition}:s3:::bkt"},
		{name: "cloudformation sub attribute", files: map[string]string{svc: "v: ${Table.Arn}"}, want: "${Table.Arn}"},
		{name: "cycle", files: map[string]string{svc: "custom: {a: '${self:custom.b}', b: '${self:custom.a}'}\nv: ${self:custom.a}"}, want: "${self:custom.a}", unresolved: true, problem: "circular"},
		{name: "self cycle in string", files: map[string]string{svc: "v: x${self:v}"}, want: "x${self:v}", unresolved: true, problem: "circular"},
		{name: "container cycle", files: map[string]string{svc: "v: {a: '${self:v}'}"}, want: `{"a":"${self:v}"}`, unresolved: true, problem: "circular"},
		{name: "root cycle", files: map[string]string{svc: "v: ${self:}"}, want: "${self:}", unresolved: true, problem: "circular"},
		{name: "file cycle", files: map[string]string{svc: "v: ${file(./a.yml)}", "svc/a.yml": "x: ${file(./a.yml)}"}, want: `{"x":"${file(./a.yml)}"}`, unresolved: true, problem: "circular"},
		{name: "unclosed", files: map[string]string{svc: "v: ${self:custom"}, want: "${self:custom"},
		{name: "quoted brace in fallback", files: map[string]string{svc: "v: ${opt:x, 'a}b'}"}, want: "a}b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, doc := resolveFiles(t, c.files, c.vars)
			v := doc.Get("v")
			if got := show(v); got != c.want {
				t.Errorf("value = %s, want %s", got, c.want)
			}
			if got := r.isUnresolved(v); got != c.unresolved {
				t.Errorf("unresolved = %v, want %v", got, c.unresolved)
			}
			checkProblems(t, r, c.problem)
		})
	}
}

// checkProblems expects exactly one problem mentioning want, or none.
func checkProblems(t *testing.T, r *resolver, want string) {
	t.Helper()
	switch {
	case want == "" && len(r.problems) > 0:
		t.Errorf("unexpected problems: %+v", r.problems)
	case want != "" && len(r.problems) != 1:
		t.Errorf("problems = %+v, want one mentioning %q", r.problems, want)
	case want != "" && !strings.Contains(r.problems[0].Message, want):
		t.Errorf("problem = %q, want it to mention %q", r.problems[0].Message, want)
	}
}

func TestResolveSelfRoot(t *testing.T) {
	r, _ := resolveFiles(t, map[string]string{"serverless.yml": "service: a"}, extract.Vars{})
	o := r.eval("self:", r.root)
	if o.state != found || o.node != r.root {
		t.Errorf("${self:} = %+v, want the document root", o)
	}
}

func TestResolveDepthLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("custom:\n")
	for i := 0; i < 40; i++ {
		b.WriteString("  k" + strconv.Itoa(i) + ": ${self:custom.k" + strconv.Itoa(i+1) + "}\n")
	}
	b.WriteString("  k40: end\nv: ${self:custom.k0}\n")
	r, doc := resolveFiles(t, map[string]string{"serverless.yml": b.String()}, extract.Vars{})
	if !r.isUnresolved(doc.Get("v")) {
		t.Errorf("v = %s, want it unresolved past the depth limit", show(doc.Get("v")))
	}
	if len(r.problems) == 0 || !strings.Contains(r.problems[0].Message, "deeper than") {
		t.Errorf("problems = %+v, want a depth warning", r.problems)
	}
}

func TestResolveExponentialStringsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("custom:\n  k0: xxxxxxxxxxxxxxxx\n")
	for i := 1; i <= 18; i++ {
		p := "${self:custom.k" + strconv.Itoa(i-1) + "}"
		b.WriteString("  k" + strconv.Itoa(i) + ": " + p + p + "\n")
	}
	b.WriteString("v: ${self:custom.k18}\n")
	r, doc := resolveFiles(t, map[string]string{"serverless.yml": b.String()}, extract.Vars{})
	if v := doc.Get("v"); !r.isUnresolved(v) || len(v.Value) > maxValueLen {
		t.Errorf("v (%d bytes) should be cut off and unresolved", len(v.Value))
	}
}

func TestResolveFileOrigin(t *testing.T) {
	r, doc := resolveFiles(t, map[string]string{
		"svc/serverless.yml": "v: ${file(./iam.yml):statements}",
		"svc/iam.yml":        "statements:\n  - Effect: Allow\n",
	}, extract.Vars{})
	st := doc.Get("v").Items[0]
	if l := r.loc(st); l.File != "svc/iam.yml" || l.Line != 2 {
		t.Errorf("statement location = %+v, want svc/iam.yml:2", l)
	}
}

func TestSyntax(t *testing.T) {
	cases := []struct {
		in   string
		alts []string
	}{
		{"opt:stage, 'dev'", []string{"opt:stage", "'dev'"}},
		{"self:a, ${opt:b, 'x'}, \"y, z\"", []string{"self:a", "${opt:b, 'x'}", `"y, z"`}},
		{"file(./a,b.yml):k", []string{"file(./a,b.yml):k"}},
		{"", []string{""}},
	}
	for _, c := range cases {
		if got := splitAlternatives(c.in); strings.Join(got, "|") != strings.Join(c.alts, "|") {
			t.Errorf("splitAlternatives(%q) = %q, want %q", c.in, got, c.alts)
		}
	}
	refs := []struct {
		in   string
		want ref
		ok   bool
	}{
		{"self:custom.a", ref{source: "self", address: "custom.a"}, true},
		{"file(./x.yml):a.b", ref{source: "file", param: "./x.yml", hasParam: true, address: "a.b"}, true},
		{"file(./x.yml)", ref{source: "file", param: "./x.yml", hasParam: true}, true},
		{"cf(us-east-1):s.o", ref{source: "cf", param: "us-east-1", hasParam: true, address: "s.o"}, true},
		{"dev", ref{}, false},
		{"5", ref{}, false},
		{"file(./x.yml", ref{}, false},
	}
	for _, c := range refs {
		got, ok := parseRef(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("parseRef(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if !isWholeRef("${a:b}") || isWholeRef("${a:b}x") || isWholeRef("x${a:b}") || isWholeRef("${a:b}${c:d}") {
		t.Error("isWholeRef misjudged")
	}
	if got := findRefs("a${x:${y:z}}b${c:d}${open"); len(got) != 2 || got[0] != (refSpan{1, 12}) {
		t.Errorf("findRefs = %+v", got)
	}
}

func TestInsideJoin(t *testing.T) {
	cases := []struct {
		dir, rel, want string
		ok             bool
	}{
		{".", "./a.yml", "a.yml", true},
		{"svc", "../shared/a.yml", "shared/a.yml", true},
		{"svc", "../../etc/passwd", "", false},
		{".", "/etc/passwd", "", false},
		{".", "~/.aws/credentials", "", false},
		{".", `C:\x.yml`, "", false},
		{"pkg.zip!/", "./c.yml", "pkg.zip!/c.yml", true},
		{"pkg.zip!/svc", "../c.yml", "pkg.zip!/c.yml", true},
		{"pkg.zip!/", "../c.yml", "", false},
	}
	for _, c := range cases {
		got, ok := insideJoin(c.dir, c.rel)
		if got != c.want || ok != c.ok {
			t.Errorf("insideJoin(%q, %q) = %q, %v; want %q, %v", c.dir, c.rel, got, ok, c.want, c.ok)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"${self:custom.a}", "${opt:stage, 'dev'}", "x${self:custom.b}y", "${self:custom.${opt:stage}}",
		"${file(./c.yml):k, ${env:X, 'd'}}", "${strToBool(${self:custom.a})}", "${a, 'b}', \"c\"}", "${${${",
		"${self:v}", "${file(../../x)}", "${AWS::Region}", "${cf(r):s.o}",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	for name, body := range map[string]string{"serverless.yml": "service: fuzz\n", "c.yml": "k: v\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		f.Fatal(err)
	}
	file, _ := tree.Lookup("serverless.yml")
	f.Fuzz(func(t *testing.T, s string) {
		scalar := func(v string) *cfgtree.Node { return &cfgtree.Node{Kind: cfgtree.Scalar, Value: v, Line: 1} }
		custom := &cfgtree.Node{Kind: cfgtree.Map, Entries: []cfgtree.Entry{{Key: "a", Value: scalar("x")}, {Key: "b", Value: scalar(s)}}}
		root := &cfgtree.Node{Kind: cfgtree.Map, Entries: []cfgtree.Entry{{Key: "custom", Value: custom}, {Key: "v", Value: scalar(s)}}}
		r := newResolver(&extract.Input{Tree: tree, File: file}, root)
		v := r.full(root).Get("v")
		if v == nil {
			t.Fatal("v lost")
		}
		if r.isUnresolved(v) && v.Kind == cfgtree.Scalar && v.Value == "" {
			t.Fatalf("unresolved value of %q is empty", s)
		}
	})
}
