package exposure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/detect/access/iam"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// stakes is what an anonymous caller could reach through a function.
type stakes struct {
	admin   []string // admin-like words in its name, route or handler
	power   iam.Power
	secrets []model.EnvVar
}

func stakesOf(fn *model.Function) stakes {
	return stakes{admin: fnmap.AdminWords(fn), power: iam.FunctionPower(fn), secrets: fnmap.SecretEnv(fn)}
}

// severity grades an exposure: high for admin operations, medium for
// functions that write or hold credentials, else base.
func (s stakes) severity(base finding.Severity) finding.Severity {
	switch {
	case len(s.admin) > 0:
		return finding.SeverityHigh
	case s.power.Writes() || len(s.secrets) > 0:
		return finding.SeverityMedium
	}
	return base
}

// text says what is at stake, as a sentence ("" when nothing is known).
func (s stakes) text() string {
	var parts []string
	if len(s.admin) > 0 {
		parts = append(parts, fmt.Sprintf("its name or route marks it as an admin operation (%s)", strings.Join(s.admin, ", ")))
	}
	if s.power.Writes() {
		parts = append(parts, fmt.Sprintf("its role grants %s (%s)", accessText(s.power.Class), strings.Join(s.power.Grants, "; ")))
	}
	if len(s.secrets) > 0 {
		parts = append(parts, "its environment holds literal credentials ("+fnmap.Names(s.secrets)+")")
	}
	if len(parts) == 0 {
		return ""
	}
	return " At stake: " + strings.Join(parts, "; ") + "."
}

// missingAuth says what protection an anonymous trigger lacks.
func missingAuth(t model.Trigger) string {
	switch t.Type {
	case "http":
		return "no authorizer, no API key (private: true), no IAM auth"
	case "httpApi":
		return "no JWT, Lambda or IAM authorizer"
	case "websocket":
		return "no authorizer on the $connect route"
	case "alb":
		return "no authenticate-cognito or authenticate-oidc action"
	case "httpTrigger":
		return "authLevel " + fnmap.Detail(t, "authLevel")
	}
	return "no authentication"
}

// accessText names the power a class of actions gives.
func accessText(c iam.Class) string {
	switch c {
	case iam.Permissions:
		return "write, delete and permission-management access"
	case iam.Delete:
		return "write and delete access"
	}
	return "write access"
}
