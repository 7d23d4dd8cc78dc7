package lockbuild

import (
	"errors"

	"github.com/cladsec/clad/internal/cfgtree"
)

// ParseJSON reads a JSON document into a cfgtree (which keeps line
// numbers); errors carry the file and line.
func ParseJSON(file string, data []byte) (*cfgtree.Node, error) {
	root, err := cfgtree.Parse(data)
	if err != nil {
		var ce *cfgtree.Error
		if errors.As(err, &ce) {
			return nil, &Error{File: file, Line: ce.Line, Err: errors.New(ce.Msg)}
		}
		return nil, &Error{File: file, Err: err}
	}
	return root, nil
}
