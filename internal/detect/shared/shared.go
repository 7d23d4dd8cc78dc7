// Package shared holds the project analyses several detectors need, built
// once per scan on the detector Input (see detect.Input.Shared): the IAM
// usage of every function's code and the calls between functions. Each
// parses handler code through the scan's source cache.
package shared

import (
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/iam"
)

// IAM returns the scan's IAM analysis (SDK calls and the actions they need,
// per function).
func IAM(in *detect.Input) *iam.Analyzer {
	return in.Shared("iam", func() any {
		return iam.NewShared(in.SourceCache(), in.Project)
	}).(*iam.Analyzer)
}

// Calls returns the scan's finder of calls between functions. It reads SDK
// invocations from IAM(in), so both analyse each file once.
func Calls(in *detect.Input) *calls.Finder {
	return in.Shared("calls", func() any {
		return calls.NewShared(in.SourceCache(), in.Project, IAM(in))
	}).(*calls.Finder)
}
