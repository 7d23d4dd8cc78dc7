package report

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/schema"
)

// TestSchemaMatchesStructs keeps schema/report.schema.json in step with
// the Go types: every JSON field of a type is a property of its schema
// object and the reverse, and exactly the fields without omitempty are
// required.
func TestSchemaMatchesStructs(t *testing.T) {
	var doc struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Required   []string                   `json:"required"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.Report, &doc); err != nil {
		t.Fatal(err)
	}
	types := map[string]any{
		"tool": Tool{}, "project": Project{}, "summary": Summary{},
		"function": model.Function{}, "trigger": model.Trigger{}, "statement": model.Statement{},
		"policy": model.Policy{}, "env_var": model.EnvVar{}, "package": model.Package{},
		"location": model.Location{}, "manifest": model.Manifest{}, "problem": model.Problem{},
		"finding": finding.Finding{}, "vulnerability": finding.Vulnerability{}, "step": finding.Step{},
	}
	check := func(name string, v any, props map[string]json.RawMessage, required []string) {
		fields, req := jsonFields(reflect.TypeOf(v))
		if diff := cmp.Diff(fields, sortedKeys(props)); diff != "" {
			t.Errorf("%s: schema properties differ from the Go fields (-go +schema):\n%s", name, diff)
		}
		sort.Strings(required)
		if diff := cmp.Diff(req, append([]string{}, required...)); diff != "" {
			t.Errorf("%s: schema required differs from fields without omitempty (-go +schema):\n%s", name, diff)
		}
	}
	check("report", Report{}, doc.Properties, doc.Required)
	for name, v := range types {
		def, ok := doc.Defs[name]
		if !ok {
			t.Errorf("schema has no $defs/%s", name)
			continue
		}
		check(name, v, def.Properties, def.Required)
	}
}

// jsonFields lists the JSON names of a struct's fields and those without
// omitempty, both sorted.
func jsonFields(t reflect.Type) (all, required []string) {
	all, required = []string{}, []string{}
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		all = append(all, name)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	sort.Strings(all)
	sort.Strings(required)
	return all, required
}

// sortedKeys lists a map's keys in order.
func sortedKeys(m map[string]json.RawMessage) []string {
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
