// Package registry lists every detector explicitly (no init() registration)
// and validates the rules they document.
package registry

import (
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/dos"
	"github.com/cladsec/clad/internal/detect/access/eolruntime"
	"github.com/cladsec/clad/internal/detect/access/exposure"
	"github.com/cladsec/clad/internal/detect/access/forgotten"
	"github.com/cladsec/clad/internal/detect/access/gateway"
	"github.com/cladsec/clad/internal/detect/access/handlermissing"
	"github.com/cladsec/clad/internal/detect/access/isolation"
	"github.com/cladsec/clad/internal/detect/access/leastprivilege"
	"github.com/cladsec/clad/internal/detect/access/managedpolicy"
	"github.com/cladsec/clad/internal/detect/access/monitoring"
	"github.com/cladsec/clad/internal/detect/access/notrigger"
	"github.com/cladsec/clad/internal/detect/access/orphan"
	"github.com/cladsec/clad/internal/detect/access/sharedrole"
	"github.com/cladsec/clad/internal/detect/access/validation"
	"github.com/cladsec/clad/internal/detect/access/wildcard"
	"github.com/cladsec/clad/internal/detect/code"
	"github.com/cladsec/clad/internal/detect/data/handling"
	"github.com/cladsec/clad/internal/detect/data/rotation"
	"github.com/cladsec/clad/internal/detect/data/secrets"
	"github.com/cladsec/clad/internal/detect/library/vulndeps"
	"github.com/cladsec/clad/internal/finding"
)

// All returns every detector, in a fixed order.
func All() []detect.Detector {
	return []detect.Detector{
		code.New(),
		vulndeps.New(),
		handlermissing.New(),
		wildcard.New(),
		sharedrole.New(),
		managedpolicy.New(),
		exposure.New(),
		validation.New(),
		isolation.New(),
		gateway.New(),
		leastprivilege.New(),
		dos.New(),
		eolruntime.New(),
		notrigger.New(),
		orphan.New(),
		forgotten.New(),
		monitoring.New(),
		secrets.New(),
		handling.New(),
		rotation.New(),
	}
}

// Rules returns the rules of every detector.
func Rules() []finding.Rule {
	var out []finding.Rule
	for _, d := range All() {
		out = append(out, d.Rules()...)
	}
	return out
}

// Rule looks a rule up by ID.
func Rule(id string) (finding.Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return finding.Rule{}, false
}
