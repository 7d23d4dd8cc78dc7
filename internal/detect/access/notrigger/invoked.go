package notrigger

import (
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/detect/shared"
	"github.com/cladsec/clad/internal/model"
)

// invoked answers whether another function's code invokes a function (an
// SDK Lambda Invoke naming it): such a function has a caller, so it is not
// forgotten. The call analysis runs only when a function without trigger
// is found.
type invoked struct {
	in     *detect.Input
	finder *calls.Finder
}

// byCode reports a function another function's code invokes.
func (v *invoked) byCode(fn *model.Function) bool {
	if v.in.Tree == nil || v.in.Project == nil {
		return false
	}
	if v.finder == nil {
		v.finder = shared.Calls(v.in)
	}
	return len(v.finder.CallersOf(fn)) > 0
}

// close is a no-op: the finder belongs to the scan (see shared.Calls).
func (v *invoked) close() {}
