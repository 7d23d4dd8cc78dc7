package report

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// fieldIndent is where function field values start: "  triggers    ".
const fieldIndent = 14

// functions writes the function map.
func (t *table) functions(r *Report) {
	t.section("FUNCTIONS")
	if len(r.Project.Functions) == 0 {
		t.line("  no functions found")
		return
	}
	for i, fn := range r.Project.Functions {
		if i > 0 {
			t.line("")
		}
		t.function(fn)
	}
}

// function writes one function: a title line, then handler, triggers,
// role, environment and unresolved fields.
func (t *table) function(fn *model.Function) {
	title := []string{t.p.paint(ansiBold, oneLine(fn.ID))}
	if pr := strings.Trim(oneLine(fn.Provider)+"/"+oneLine(fn.Runtime), "/"); pr != "" {
		title = append(title, pr)
	}
	if m := accessMarker(fn); m == "PUBLIC" {
		title = append(title, t.p.paint(ansiBoldRd, m))
	} else if m != "" {
		title = append(title, m)
	}
	t.line("%s", strings.Join(title, "  "))
	handler := oneLine(fn.Handler)
	if handler == "" {
		handler = "(no handler)"
	}
	t.field("handler", handler+" → "+oneLine(handlerTarget(fn)))
	for i, tr := range fn.Triggers {
		name := ""
		if i == 0 {
			name = "triggers"
		}
		t.field(name, describeTrigger(tr))
	}
	if role := roleText(fn); role != "" {
		t.field("role", role)
	}
	if len(fn.Environment) > 0 {
		t.lines(wrapWords(envWords(fn.Environment), t.width, fieldLabel("env"), fieldIndent))
	}
	if len(fn.Unresolved) > 0 {
		t.field("unresolved", strings.Join(fn.Unresolved, ", "))
	}
}

// field writes "  name        value" with the value wrapped under itself.
func (t *table) field(name, value string) {
	t.lines(wrap(value, t.width, fieldLabel(name), fieldIndent))
}

// fieldLabel pads a field name to fieldIndent.
func fieldLabel(name string) string {
	return "  " + name + strings.Repeat(" ", max(1, fieldIndent-2-len(name)))
}

// envWords renders NAME=value pairs (values already redacted by
// Normalize, cut to 40 characters) as unbreakable words.
func envWords(env []model.EnvVar) []string {
	words := make([]string, 0, len(env))
	for _, e := range env {
		words = append(words, oneLine(e.Name)+"="+truncate(oneLine(e.Value), 40))
	}
	return words
}
