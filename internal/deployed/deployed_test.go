package deployed

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/model"
)

func TestParse(t *testing.T) {
	aws := `{
  "Functions": [
    {"FunctionName": "orders-dev-create", "FunctionArn": "arn:aws:lambda:eu-west-1:1:function:orders-dev-create",
     "Runtime": "nodejs20.x", "LastModified": "2025-01-02T03:04:05.000+0000"},
    {"FunctionName": "image-fn", "PackageType": "Image"}
  ],
  "NextMarker": "abc"
}`
	azure := `[
  {"name": "todo-app/createTodo", "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/todo-app/functions/createTodo", "language": "node"},
  {"name": "loose"}
]`
	for _, c := range []struct {
		name, data string
		want       []Function
	}{
		{"aws list-functions", aws, []Function{
			{Provider: model.AWS, Name: "orders-dev-create", ID: "arn:aws:lambda:eu-west-1:1:function:orders-dev-create", Runtime: "nodejs20.x",
				LastModified: "2025-01-02T03:04:05.000+0000", Source: model.Location{File: "inv.json", Line: 3}},
			{Provider: model.AWS, Name: "image-fn", Source: model.Location{File: "inv.json", Line: 5}},
		}},
		{"aws bare array", `[{"FunctionName": "a"}]`, []Function{{Provider: model.AWS, Name: "a", Source: model.Location{File: "inv.json", Line: 1}}}},
		{"azure function list", azure, []Function{
			{Provider: model.Azure, App: "todo-app", Name: "createTodo", ID: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/todo-app/functions/createTodo",
				Runtime: "node", Source: model.Location{File: "inv.json", Line: 2}},
			{Provider: model.Azure, Name: "loose", Source: model.Location{File: "inv.json", Line: 3}},
		}},
		{"empty account", `{"Functions": []}`, []Function{}},
		{"null list", `{"Functions": null}`, []Function{}},
		{"empty array", `[]`, []Function{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse("inv.json", []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Files that are no inventory are refused with a message naming the file,
// never read as an empty account.
func TestParseRefuses(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"broken json", `{"Functions": [`, "inv.json"},
		{"other json", `{"Stacks": []}`, "not a function inventory"},
		{"scalar", `"hello"`, "not a function inventory"},
		{"functions not a list", `{"Functions": {"a": 1}}`, "Functions is not a list"},
		{"entry without a name", `{"Functions": [{"Runtime": "nodejs20.x"}]}`, "entry 1 (line 1)"},
		{"entry not an object", `[1]`, "entry 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse("inv.json", []byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "inv.json") {
				t.Fatalf("Parse = %v, %v; want an error with %q", got, err, c.want)
			}
		})
	}
	if _, err := Parse("inv.json", []byte(`{"x": 1}`)); !errors.Is(err, ErrFormat) {
		t.Errorf("err = %v, want ErrFormat", err)
	}
	if _, err := Parse("big.json", make([]byte, MaxSize+1)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized: %v", err)
	}
}

func TestLabel(t *testing.T) {
	if got := (Function{App: "app", Name: "fn"}).Label(); got != "app/fn" {
		t.Errorf("azure label %q", got)
	}
	if got := (Function{Name: "fn"}).Label(); got != "fn" {
		t.Errorf("aws label %q", got)
	}
}

// FuzzParse: any input gives functions or an error, never a panic, and
// every function has a name and its source file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"Functions": [{"FunctionName": "a", "Runtime": "nodejs20.x"}]}`))
	f.Add([]byte(`[{"name": "app/fn", "language": "python"}]`))
	f.Add([]byte(`{"Functions": [{"FunctionName": ["x"]}, {"name": {"a": 1}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fns, err := Parse("f.json", data)
		if err != nil {
			return
		}
		for _, fn := range fns {
			if fn.Name == "" || fn.Source.File != "f.json" {
				t.Fatalf("bad function %+v", fn)
			}
		}
	})
}
