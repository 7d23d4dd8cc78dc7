package iam

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fnCase describes a function over a code fixture.
type fnCase struct {
	name     string
	dir      string // under testdata/code
	handler  string
	runtime  string
	env      map[string]string // "=value" resolved, "~value" unresolved
	triggers []model.Trigger
}

// fixtureFunction builds the function the way the scan does: the handler
// resolved, its reach computed.
func fixtureFunction(t *testing.T, tree *walk.Tree, c fnCase) *model.Function {
	t.Helper()
	res := handler.Resolve(tree, "", c.runtime, c.handler)
	if res.Status != model.HandlerResolved {
		t.Fatalf("%s: handler %s not resolved (%s)", c.name, c.handler, res.Status)
	}
	fn := &model.Function{ID: "fixture/" + c.name, Name: c.name, Provider: model.AWS, Runtime: c.runtime,
		Handler: c.handler, File: res.File, HandlerStatus: model.HandlerResolved, Manifest: "serverless.yml",
		Role: "function", Triggers: c.triggers, Files: source.Reach(tree, res.File, "", 0)}
	for _, k := range sortedKeys(c.env) {
		v := c.env[k]
		fn.Environment = append(fn.Environment, model.EnvVar{Name: k, Value: v[1:], Resolved: v[0] == '='})
	}
	return fn
}

// renderUsage writes a usage compactly for golden files.
func renderUsage(u *Usage) string {
	var b strings.Builder
	for _, c := range u.Calls {
		flags := ""
		if c.Inferred {
			flags += " [inferred]"
		}
		if c.Guessed {
			flags += " [guessed]"
		}
		target := strings.Join(c.Actions, ",") + " on " + strings.Join(c.Resources, ",")
		if len(c.Actions) == 0 {
			target = "(" + c.Note + ")"
		}
		fmt.Fprintf(&b, "call %s:%d %s %s.%s (%s) -> %s%s\n", c.File, c.Line, c.SDK, c.Service, c.Operation,
			c.Method, target, flags)
	}
	for _, n := range u.Needs {
		known := ""
		if !n.ResourceKnown {
			known = " (unknown: " + n.Note + ")"
		}
		kind := "need"
		if n.Platform {
			kind = "platform"
		}
		fmt.Fprintf(&b, "%s %s %s%s\n", kind, n.Action, n.Resource, known)
	}
	for _, g := range u.Gaps {
		fmt.Fprintf(&b, "gap %s\n", gapText(g))
	}
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

var usageCases = []fnCase{
	{name: "js-v2", dir: "js-v2", handler: "handler.handler", runtime: "nodejs18.x", env: map[string]string{
		"TABLE_NAME": "=acme-items", "QUEUE_URL": "~Ref(JobsQueue)", "BUCKET": "=acme-uploads"}},
	{name: "js-v3", dir: "js-v3", handler: "handler.handler", runtime: "nodejs20.x", env: map[string]string{
		"TABLE_NAME": "~Ref(ItemsTable)", "BUCKET": "=acme-uploads", "TOPIC_ARN": "~Ref(AlertsTopic)",
		"MACHINE_ARN": "~Ref(Workflow)"}},
	{name: "ts-modules", dir: "ts-modules", handler: "handler.handler", runtime: "nodejs20.x", env: map[string]string{
		"TABLE_NAME": "=acme-orders"}},
	{name: "python", dir: "python", handler: "handler.handler", runtime: "python3.12", env: map[string]string{
		"BUCKET": "=acme-data", "QUEUE_URL": "=https://sqs.eu-west-1.amazonaws.com/123456789012/acme-jobs",
		"POOL_ID": "=eu-west-1_AbC"}},
	{name: "dynamic-js", dir: "dynamic", handler: "dyn.handler", runtime: "nodejs20.x"},
	{name: "dynamic-py", dir: "dynamic", handler: "dyn.handler", runtime: "python3.12"},
	{name: "reach-create", dir: "reach-py", handler: "app/handlers.create", runtime: "python3.12",
		env: map[string]string{"ORDERS_TABLE": "~GetAtt(OrdersTable.Arn)"}},
	{name: "reach-read", dir: "reach-py", handler: "app/handlers.read", runtime: "python3.12",
		env: map[string]string{"ORDERS_TABLE": "~Ref(OrdersTable)"}},
	{name: "go-sdk", dir: "go-sdk", handler: "main", runtime: "go1.x", env: map[string]string{"TABLE_NAME": "=acme-go-table"}},
	{name: "escape", dir: "escape", handler: "handler.handler", runtime: "nodejs20.x"},
}

func TestUsage(t *testing.T) {
	for _, c := range usageCases {
		t.Run(c.name, func(t *testing.T) {
			tree, err := walk.Open(context.Background(), filepath.Join("testdata", "code", c.dir), walk.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tree.Close()
			fn := fixtureFunction(t, tree, c)
			if c.runtime == "go1.x" {
				fn.File, fn.Files = "main.go", []string{"main.go"}
			}
			p := &model.Project{Functions: []*model.Function{fn}}
			u := New(tree, p).Usage(fn)
			checkGolden(t, filepath.Join("testdata", "usage", c.name+".golden"), renderUsage(u))
		})
	}
}
