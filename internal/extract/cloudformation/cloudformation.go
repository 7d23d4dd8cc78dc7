// Package cloudformation extracts the function map from AWS SAM and
// CloudFormation templates, including the templates `serverless package`
// writes to .serverless/. It evaluates intrinsic functions as far as the
// template and the user's --param values allow, applies SAM Globals, expands
// SAM policy templates, follows roles and attached policies, and recovers
// the triggers of plain Lambda functions from the resources that wire them
// (permissions, event source mappings, API Gateway methods, rules, bucket
// notifications…).
package cloudformation

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
)

// Name is the extractor's name in problems and logs.
const Name = "cloudformation"

// Extractor reads SAM and CloudFormation templates.
type Extractor struct{}

// New returns the SAM/CloudFormation extractor.
func New() *Extractor { return &Extractor{} }

// Name identifies the extractor.
func (*Extractor) Name() string { return Name }

// FileRequired accepts YAML, JSON and .template files that are not some
// other tool's well-known configuration.
func (*Extractor) FileRequired(p string) bool { return candidatePath(p) }

// Extract reads one file. Files that are not templates add nothing; a file
// that looks like a template but cannot be read or parsed is an error.
func (x *Extractor) Extract(ctx context.Context, in *extract.Input, out *extract.Result) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := in.Tree.Read(in.File)
	if err != nil {
		if namedLikeTemplate(in.File.Path) {
			return fmt.Errorf("read template %s: %w", in.File.Path, err)
		}
		return nil
	}
	return x.extractData(in, data, out)
}

// extractData is Extract on content already read. A file is parsed only
// when its content or its default name says it may be a template; a parse
// failure is an error only when it clearly is one (template markers, or a
// template-like name and AWS types), else it is someone else's file.
func (x *Extractor) extractData(in *extract.Input, data []byte, out *extract.Result) error {
	strong, weak := strongMarkers(data), weakMarkers(data)
	defaultName := defaultTemplateName(strings.ToLower(path.Base(in.File.Path)))
	if !strong && !weak && !defaultName {
		return nil
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		if strong || defaultName || (weak && namedLikeTemplate(in.File.Path)) {
			return fmt.Errorf("parse template %s: %w", in.File.Path, err)
		}
		return nil
	}
	if !isTemplate(root) {
		return nil
	}
	t := newTemplate(in, root, out)
	t.extract()
	return nil
}
