package wildcard

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/iam"
	"github.com/cladsec/clad/internal/finding"
)

// skip is the zero severity: nothing to report.
const skip finding.Severity = 0

// escalation services: a wildcard on them lets a function raise its own power.
var escalation = map[string]bool{"iam": true, "sts": true, "organizations": true}

// operational services hold telemetry, not application data.
var operational = map[string]bool{"logs": true, "xray": true, "cloudwatch": true, "tag": true}

// actionSeverity weighs one wildcard action on resources of a scope.
func actionSeverity(c iam.Coverage, scope iam.Scope) finding.Severity {
	broad := scope >= iam.Service
	switch {
	case c.Everything:
		return pick(broad, finding.SeverityCritical, finding.SeverityHigh)
	case c.ServiceWide && escalation[c.Service]:
		return pick(broad, finding.SeverityCritical, finding.SeverityHigh)
	case c.ServiceWide && operational[c.Service]:
		return pick(broad, finding.SeverityMedium, skip)
	case c.ServiceWide:
		switch scope {
		case iam.All, iam.Service:
			return finding.SeverityHigh
		case iam.Prefix:
			return finding.SeverityMedium
		}
		return finding.SeverityLow
	case c.Class >= iam.Delete:
		switch scope {
		case iam.All, iam.Service:
			return finding.SeverityMedium
		case iam.Prefix:
			return finding.SeverityLow
		}
	case c.Class == iam.Write && broad:
		return finding.SeverityLow
	}
	return skip
}

// resourceSeverity weighs one specific action on every resource.
func resourceSeverity(action string) finding.Severity {
	if iam.FineOnAnyResource(action) || isPassRole(action) {
		return skip
	}
	switch iam.Classify(action) {
	case iam.Permissions, iam.Delete:
		return finding.SeverityHigh
	case iam.Write:
		return finding.SeverityMedium
	}
	switch {
	case iam.SecretRead(action):
		return finding.SeverityMedium
	case iam.DataRead(action):
		return finding.SeverityLow
	}
	return skip
}

// isPassRole reports iam:PassRole or a partial pattern that matches it
// ("iam:Pass*"); "iam:*" and "*" are weighed as wildcard actions.
func isPassRole(action string) bool {
	a := strings.ToLower(strings.TrimSpace(action))
	if a == "iam:passrole" {
		return true
	}
	c := iam.Cover(action)
	if !c.Wildcard || c.Everything || c.ServiceWide || c.Service != "iam" {
		return false
	}
	ok, _ := path.Match(a, "iam:passrole")
	return ok
}

// conditioned lowers a severity one step for a statement with a Condition.
func conditioned(s finding.Severity, cond bool) finding.Severity {
	if !cond || s == skip {
		return s
	}
	return s.Raise(-1)
}

func pick(cond bool, a, b finding.Severity) finding.Severity {
	if cond {
		return a
	}
	return b
}
