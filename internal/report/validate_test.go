package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONMatchesSchema(t *testing.T) {
	for name, r := range map[string]*Report{"sample": sampleReport(), "empty": emptyReport()} {
		t.Run(name, func(t *testing.T) {
			out := render(t, FormatJSON, r, Options{})
			if err := ValidateJSON(out); err != nil {
				t.Fatalf("ValidateJSON: %v", err)
			}
			if bytes.Contains(out, []byte("null")) {
				t.Errorf("JSON output contains null:\n%s", out)
			}
			if !bytes.HasSuffix(out, []byte("}\n")) {
				t.Errorf("JSON output does not end with a newline")
			}
		})
	}
}

// jsonDoc is a decoded report that tests mutate.
type jsonDoc = map[string]any

func TestSchemaRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(d jsonDoc)
		want   string // part of the validation error
	}{
		{"unknown top-level field", func(d jsonDoc) { d["extra"] = true }, "extra"},
		{"unknown finding field", func(d jsonDoc) { firstFinding(d)["severity_score"] = 9 }, "severity_score"},
		{"renamed function field", func(d jsonDoc) {
			fn := firstFunction(d)
			fn["handlerStatus"] = fn["handler_status"]
			delete(fn, "handler_status")
		}, "handler_status"},
		{"bad severity", func(d jsonDoc) { firstFinding(d)["severity"] = "severe" }, "severity"},
		{"bad category", func(d jsonDoc) { firstFinding(d)["category"] = "infra" }, "category"},
		{"bad handler status", func(d jsonDoc) { firstFunction(d)["handler_status"] = "found" }, "handler_status"},
		{"bad problem level", func(d jsonDoc) { d["errors"].([]any)[0].(jsonDoc)["level"] = "fatal" }, "level"},
		{"null findings", func(d jsonDoc) { d["findings"] = nil }, "findings"},
		{"missing fingerprint", func(d jsonDoc) { delete(firstFinding(d), "fingerprint") }, "fingerprint"},
		{"line zero", func(d jsonDoc) { firstFinding(d)["line"] = 0 }, "line"},
		{"bad cwe", func(d jsonDoc) { firstFinding(d)["cwe"] = []any{"95"} }, "cwe"},
		{"bad by_severity key", func(d jsonDoc) { d["summary"].(jsonDoc)["by_severity"] = jsonDoc{"severe": 1} }, "severe"},
		{"wrong schema version", func(d jsonDoc) { d["schema_version"] = 2 }, "schema_version"},
	}
	base := render(t, FormatJSON, sampleReport(), Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d jsonDoc
			if err := json.Unmarshal(base, &d); err != nil {
				t.Fatal(err)
			}
			tt.mutate(d)
			data, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			err = ValidateJSON(data)
			if err == nil {
				t.Fatal("ValidateJSON accepted an invalid report")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestValidateJSONRejectsMalformed(t *testing.T) {
	for _, in := range []string{"", "{", "[]", `{"schema_version": 1}`} {
		if err := ValidateJSON([]byte(in)); err == nil {
			t.Errorf("ValidateJSON(%q) = nil, want an error", in)
		}
	}
}

// firstFinding returns the first finding of a decoded report.
func firstFinding(d jsonDoc) jsonDoc { return d["findings"].([]any)[0].(jsonDoc) }

// firstFunction returns the first function of a decoded report.
func firstFunction(d jsonDoc) jsonDoc {
	return d["project"].(jsonDoc)["functions"].([]any)[0].(jsonDoc)
}
