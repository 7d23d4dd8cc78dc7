package schema

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestReportSchemaCompiles(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Report))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(ReportID, doc); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile(ReportID); err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
}

func TestReportSchemaHeader(t *testing.T) {
	var head struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(Report, &head); err != nil {
		t.Fatal(err)
	}
	if head.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", head.Schema)
	}
	if head.ID != ReportID {
		t.Errorf("$id = %q, want ReportID %q", head.ID, ReportID)
	}
}
