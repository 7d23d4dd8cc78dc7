package cloudformation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// FuzzExtract feeds arbitrary bytes to the extractor as a template: it must
// never panic, whatever the content.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "fixtures", "*", "*.*"))
	seeds = append(seeds, filepath.Join("testdata", "serverless-package", "cloudformation-template-update-stack.json"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events: !Ref X\n      Policies: !GetAtt [A]\n"))
	f.Add([]byte("Conditions:\n  A: !And [!Condition A]\nResources:\n  F: {Type: AWS::Lambda::Function, Condition: A, Properties: {Code: !Sub [\"${X}\", {X: !Select [9, []]}]}}\n"))
	f.Add([]byte(`{"AWSTemplateFormatVersion":"x","Resources":{"İıLambdaFunction":{"Type":"AWS::Lambda::Function","Properties":{"FunctionName":"a-İı"}}}}`))
	tree := emptyTree(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"template.yaml", "stack.json", ".serverless/cloudformation-template-update-stack.json"} {
			var out extract.Result
			in := &extract.Input{Tree: tree, File: walk.File{Path: name}, Vars: extract.Vars{Params: map[string]string{"Stage": "prod"}}}
			_ = New().extractData(in, data, &out)
		}
	})
}
