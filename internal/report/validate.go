package report

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cladsec/clad/schema"
)

// compiledSchema compiles the embedded report schema once.
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Report))
	if err != nil {
		return nil, fmt.Errorf("parse report schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ReportID, doc); err != nil {
		return nil, fmt.Errorf("load report schema: %w", err)
	}
	sch, err := c.Compile(schema.ReportID)
	if err != nil {
		return nil, fmt.Errorf("compile report schema: %w", err)
	}
	return sch, nil
})

// ValidateJSON checks that data is a JSON report conforming to
// schema/report.schema.json. Tests of any package producing reports use it.
func ValidateJSON(data []byte) error {
	sch, err := compiledSchema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse json report: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("json report does not match schema: %w", err)
	}
	return nil
}
