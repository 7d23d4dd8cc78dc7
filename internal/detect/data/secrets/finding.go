package secrets

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// place is where a secret sits, from worst to mildest.
type place int

const (
	placeEnv      place = iota // a deployed function's environment (manifest or local.settings.json)
	placeManifest              // elsewhere in a deployment manifest
	placeCode                  // source or config shipped with (or beside) functions
	placeTest                  // tests, fixtures, examples, docs
)

// located is a match with what the function map says about its place.
type located struct {
	file   string
	m      engine.Match
	rule   engine.Rule
	place  place
	envVar string
	// envVia names the environment variables a manifest value flows into.
	envVia string
	fns    []*model.Function
	// notShipped: local.settings.json kept out of the package by .funcignore.
	notShipped bool
}

// finding turns a match in file into a finding.
func (a *attribution) finding(file string, m engine.Match) finding.Finding {
	l := a.locate(file, m)
	f := l.rule.New()
	f.File, f.Line, f.EndLine = file, m.Line, m.EndLine
	if f.EndLine == f.Line {
		f.EndLine = 0
	}
	f.Functions = ids(l.fns)
	f.Severity = l.severity()
	f.Evidence = l.evidence()
	f.Message = l.message()
	f.Key = m.Rule + ":" + m.Fingerprint()
	return f
}

// locate decides the place of a match and the functions it endangers.
func (a *attribution) locate(file string, m engine.Match) located {
	rule, _ := engine.Lookup(m.Rule)
	l := located{file: file, m: m, rule: rule, place: placeCode}
	uses := a.envUses(file, m.Line)
	base := strings.ToLower(path.Base(file))
	switch {
	case engine.TestPath(file):
		l.place = placeTest
		l.fns = a.shipping(file)
	case len(uses) > 0:
		l.place, l.envVar = placeEnv, uses[0].env.Name
		for _, u := range uses {
			l.fns = append(l.fns, u.fn)
		}
	case base == "local.settings.json":
		l.place, l.fns = placeEnv, a.ofApp(file)
	case a.manifests[file]:
		l.place = placeManifest
		for _, u := range a.byValue(m.Secret()) {
			l.fns = append(l.fns, u.fn)
			if !strings.Contains(","+l.envVia+",", ","+u.env.Name+",") {
				l.envVia = strings.TrimPrefix(l.envVia+","+u.env.Name, ",")
			}
		}
		if len(l.fns) == 0 {
			l.fns = a.ofManifest(file)
		}
	default:
		l.fns = a.shipping(file)
		if m.Rule == engine.RuleAzureFunctionKey {
			l.fns = append(l.fns, a.named(m.Key)...)
		}
	}
	if base == "local.settings.json" && l.place == placeEnv {
		l.notShipped = a.isFuncignored(file)
	}
	return l
}

// named returns the functions called name (a keys.json entry per function).
func (a *attribution) named(name string) []*model.Function {
	var out []*model.Function
	for _, fn := range a.fns {
		if name != "" && fn.Name == name {
			out = append(out, fn)
		}
	}
	return out
}

// severity: a live cloud or payment key in a deployed function's
// configuration is critical, any other secret there high; in code high at
// most; in tests, fixtures and docs low. Low-confidence matches (test-mode
// keys, local databases, tokens that fail their checksum) drop two steps.
func (l located) severity() finding.Severity {
	s := l.rule.Severity
	switch l.place {
	case placeEnv, placeManifest:
		s = finding.SeverityHigh
		if l.rule.Provider && !l.notShipped && len(l.fns) > 0 {
			s = finding.SeverityCritical
		}
	case placeCode:
		if s > finding.SeverityHigh {
			s = finding.SeverityHigh
		}
	case placeTest:
		s = finding.SeverityLow
	}
	if l.m.Confidence == engine.Low {
		s = s.Raise(-2)
		if s < finding.SeverityLow {
			s = finding.SeverityLow
		}
	}
	return s
}

// key is the name the secret is assigned to, when known.
func (l located) key() string {
	if l.envVar != "" {
		return l.envVar
	}
	return l.m.Key
}

// evidence names the key and shows the secret redacted.
func (l located) evidence() string {
	key := l.key()
	red := l.m.Redacted()
	switch {
	case key == "":
		return red
	case strings.Contains(key, "://"):
		return key + " password " + red
	}
	return key + "=" + red
}

// message says what the secret is, where it sits, who receives it and
// what to do.
func (l located) message() string {
	var b strings.Builder
	what := l.rule.Title
	if l.rule.ID == engine.RuleGeneric {
		what = "A literal secret"
		if k := l.key(); k != "" {
			what = "The literal value of " + k
		}
	}
	fmt.Fprintf(&b, "%s (%s)", what, l.m.Redacted())
	if l.m.Encoding != "" {
		fmt.Fprintf(&b, ", %s-encoded,", l.m.Encoding)
	}
	b.WriteString(" " + l.where())
	if p := l.m.Partner; p != nil {
		fmt.Fprintf(&b, " Its secret access key (%s) is on line %d.", p.Redacted(), p.Line)
	}
	fmt.Fprintf(&b, " Recognised by: %s.", l.m.Why)
	if l.place == placeTest {
		b.WriteString(" If it is a real credential it works anywhere: revoke it and use an obviously fake value in tests.")
	} else {
		fmt.Fprintf(&b, " Move it to %s, and rotate it now: it is in git history, so deleting the line is not enough.", l.store())
	}
	return b.String()
}

func (l located) where() string {
	fns := fnList(l.fns)
	switch l.place {
	case placeEnv:
		if path.Base(l.file) == "local.settings.json" {
			s := fmt.Sprintf("is a literal app setting%s in %s, the settings of %s.", named(l.envVar), l.file, fns)
			if l.notShipped {
				s += " .funcignore keeps the file out of the package, but it is committed."
			}
			return s
		}
		name := named(l.envVar)
		if l.rule.ID == engine.RuleGeneric {
			name = "" // the message already names it
		}
		return fmt.Sprintf("is hard-coded in the environment of %s%s and reaches %s: anyone who can read the repository, the deployment template or the function configuration can use it.", l.file, name, fns)
	case placeManifest:
		if l.envVia != "" {
			return fmt.Sprintf("is written into the deployment manifest %s and reaches the environment of %s as %s.", l.file, fns, strings.ReplaceAll(l.envVia, ",", ", "))
		}
		return fmt.Sprintf("is written into the deployment manifest %s, which deploys %s.", l.file, fns)
	case placeTest:
		return fmt.Sprintf("is in test, fixture, example or documentation material (%s).", l.file)
	}
	if len(l.fns) == 0 {
		return fmt.Sprintf("is hard-coded in %s.", l.file)
	}
	return fmt.Sprintf("is hard-coded in %s, which ships with %s.", l.file, fns)
}

func named(v string) string {
	if v == "" {
		return ""
	}
	return " (" + v + ")"
}

func fnList(fns []*model.Function) string {
	names := ids(fns)
	switch {
	case len(names) == 0:
		return "no function clad could identify"
	case len(names) == 1:
		return "function " + names[0]
	case len(names) <= 4:
		return fmt.Sprintf("%d functions (%s)", len(names), strings.Join(names, ", "))
	}
	return fmt.Sprintf("%d functions (%s, …)", len(names), strings.Join(names[:3], ", "))
}

// store names the secrets store for the functions' provider.
func (l located) store() string {
	aws, azure := false, false
	for _, fn := range l.fns {
		aws = aws || fn.Provider == model.AWS
		azure = azure || fn.Provider == model.Azure
	}
	switch {
	case aws && !azure:
		return "SSM Parameter Store (SecureString) or AWS Secrets Manager (reference it as ${ssm:…} or {{resolve:secretsmanager:…}}, or better fetch it at run time)"
	case azure && !aws:
		return "Azure Key Vault (reference it from app settings as @Microsoft.KeyVault(SecretUri=…), or use a managed identity)"
	}
	return "a secrets store (AWS Secrets Manager or SSM Parameter Store, Azure Key Vault), read at run time"
}
