package azure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// originSettings is the EnvVar origin of app settings.
const originSettings = "local.settings"

// settings is what clad reads from local.settings.json.
type settings struct {
	// env holds the Values, in file order.
	env []model.EnvVar
	// values indexes the literal Values by name.
	values map[string]string
}

// readSettings reads the app's local.settings.json. The file is often left
// out of version control, so its absence is not a problem; a broken one is.
func readSettings(t *walk.Tree, p string, out *extract.Result) *settings {
	s := &settings{values: map[string]string{}}
	if !t.Exists(p) {
		return s
	}
	data, err := t.ReadFile(p)
	if err != nil {
		problem(out, p, 0, readKind(err), fmt.Sprintf("cannot read app settings: %v", err))
		return s
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		parseProblem(out, p, "app settings", err)
		return s
	}
	s.read(root, p, out)
	return s
}

// read collects the Values map. Encrypted files (IsEncrypted: true) keep
// every value as an unresolved reference.
func (s *settings) read(root *cfgtree.Node, p string, out *extract.Result) {
	encrypted, _ := root.GetFold("IsEncrypted").Bool()
	vals := root.GetFold("Values")
	if vals == nil || vals.Kind == cfgtree.Null {
		return
	}
	if vals.Kind != cfgtree.Map {
		out.Warn(name, p, vals.Line, "parse", "Values is not an object; app settings ignored")
		return
	}
	for _, e := range vals.Entries {
		if e.Value.Kind == cfgtree.Map || e.Value.Kind == cfgtree.Seq {
			out.Warn(name, p, e.Line, "parse", fmt.Sprintf("app setting %s is not a string; ignored", e.Key))
			continue
		}
		v := e.Value.Str()
		resolved := !encrypted && !isReference(v)
		s.env = append(s.env, model.EnvVar{Name: e.Key, Value: v, Resolved: resolved, Origin: originSettings,
			Source: model.Location{File: p, Line: e.Line}})
		if resolved {
			s.values[strings.ToUpper(e.Key)] = v
		}
	}
}

// isReference reports an App Service reference (Key Vault, App
// Configuration) whose value is fetched at run time.
func isReference(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return strings.HasPrefix(v, "@microsoft.keyvault(") || strings.HasPrefix(v, "@microsoft.appconfiguration(")
}

// get returns a literal app setting, matched case-insensitively.
func (s *settings) get(key string) string { return s.values[strings.ToUpper(key)] }

// environment returns a copy of the app settings for one function; never nil.
func (s *settings) environment() []model.EnvVar {
	return append(make([]model.EnvVar, 0, len(s.env)), s.env...)
}
