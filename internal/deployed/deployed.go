// Package deployed reads an inventory of the functions deployed in the
// cloud, as the providers' own command-line tools print it, so a scan can
// report functions that run but that no manifest in the code declares
// (forgotten functions). clad never calls a cloud API itself: the user
// exports the inventory and hands over the file.
//
// Accepted shapes (JSON):
//   - `aws lambda list-functions` output: {"Functions": [{"FunctionName",
//     "FunctionArn", "Runtime", "LastModified", ...}], "NextMarker"?}, or a
//     bare array of such entries;
//   - `az functionapp function list` output: [{"name": "<app>/<function>",
//     "id", "language", ...}].
package deployed

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Function is one deployed function.
type Function struct {
	Provider string // model.AWS or model.Azure
	// Name is the AWS function name, or the Azure function's name inside
	// its app.
	Name string
	// App is the Azure function app ("" on AWS).
	App string
	// ID is the AWS function ARN or the Azure resource id.
	ID           string
	Runtime      string
	LastModified string
	// Source is the inventory entry.
	Source model.Location
}

// Label names the function as the provider does: "name" or "app/name".
func (f Function) Label() string {
	if f.App != "" {
		return f.App + "/" + f.Name
	}
	return f.Name
}

// ErrFormat says the file is JSON but not an inventory clad reads.
var ErrFormat = errors.New("not a function inventory (want the JSON of `aws lambda list-functions` or `az functionapp function list`)")

// MaxSize bounds an inventory file (tens of thousands of functions fit).
const MaxSize = 64 << 20

// Parse reads one inventory file; file names it in the Source of every
// function. An empty inventory is valid and yields no functions.
func Parse(file string, data []byte) ([]Function, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", file, MaxSize>>20)
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var items []*cfgtree.Node
	switch {
	case root != nil && root.Kind == cfgtree.Map && root.Get("Functions") != nil:
		fns := root.Get("Functions")
		if fns.Kind != cfgtree.Seq && fns.Kind != cfgtree.Null {
			return nil, fmt.Errorf("%s: Functions is not a list: %w", file, ErrFormat)
		}
		items = fns.Items
	case root != nil && root.Kind == cfgtree.Seq:
		items = root.Items
	default:
		return nil, fmt.Errorf("%s: %w", file, ErrFormat)
	}
	out := make([]Function, 0, len(items))
	for i, it := range items {
		f, ok := entry(it)
		if !ok {
			return nil, fmt.Errorf("%s: entry %d (line %d) has neither FunctionName nor name: %w", file, i+1, it.Line, ErrFormat)
		}
		f.Source = model.Location{File: file, Line: it.Line}
		out = append(out, f)
	}
	return out, nil
}

// entry reads one AWS or Azure entry.
func entry(n *cfgtree.Node) (Function, bool) {
	if n == nil || n.Kind != cfgtree.Map {
		return Function{}, false
	}
	if name := n.Get("FunctionName").Str(); name != "" {
		return Function{Provider: model.AWS, Name: name, ID: n.Get("FunctionArn").Str(),
			Runtime: n.Get("Runtime").Str(), LastModified: n.Get("LastModified").Str()}, true
	}
	full := n.Get("name").Str()
	if full == "" {
		return Function{}, false
	}
	f := Function{Provider: model.Azure, Name: full, ID: n.Get("id").Str(), Runtime: n.Get("language").Str()}
	if app, name, ok := strings.Cut(full, "/"); ok && app != "" && name != "" {
		f.App, f.Name = app, name
	}
	return f, true
}
