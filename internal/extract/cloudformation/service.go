package cloudformation

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// serviceName names the stack: the Serverless service for templates
// `serverless package` wrote, else the stack_name of a samconfig.toml beside
// the template, else the template's directory name (the scanned directory's
// own name for a template at the scan root).
func (t *template) serviceName() (service, stage string) {
	if t.kind == kindServerlessPackage {
		if svc, stg := t.serverlessService(); svc != "" {
			return svc, stg
		}
	}
	if name := samconfigStack(t.tree, t.dir); name != "" {
		return name, ""
	}
	name := stackName(t.file, t.kind == kindServerlessPackage)
	if d := templateDir(t.file); (d == "." || d == "") && !t.tree.IsArchive {
		if abs, err := filepath.Abs(t.tree.Root); err == nil && filepath.Base(abs) != string(filepath.Separator) {
			name = filepath.Base(abs)
		}
	}
	return name, ""
}

// stackNameLine matches `stack_name = "name"` in samconfig.toml.
var stackNameLine = regexp.MustCompile(`(?m)^\s*stack_name\s*=\s*["']([A-Za-z][A-Za-z0-9-]{0,127})["']`)

// samconfigStack reads the default stack name `sam deploy` uses from the
// samconfig.toml next to the template (the first stack_name, which belongs
// to the default environment in the files `sam init` writes).
func samconfigStack(tree *walk.Tree, dir string) string {
	p := "samconfig.toml"
	if dir != "." && dir != "" {
		p = strings.TrimSuffix(dir, "/") + "/samconfig.toml"
		if strings.HasSuffix(dir, walk.ArchiveSep) {
			p = dir + "samconfig.toml"
		}
	}
	b, err := tree.ReadFile(p)
	if err != nil {
		return ""
	}
	if m := stackNameLine.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// stackName derives a stack name from the template path.
func stackName(file string, serverlessDir bool) string {
	dir := templateDir(file)
	if archive, ok := strings.CutSuffix(dir, walk.ArchiveSep); ok {
		return strings.TrimSuffix(path.Base(archive), path.Ext(archive)) // "dist/app.zip!/" → "app"
	}
	if serverlessDir && path.Base(dir) == ".serverless" && path.Dir(dir) != "." {
		dir = path.Dir(dir) // the service directory holding .serverless/
	}
	if dir == "." || dir == "" || dir == "/" {
		base := path.Base(file)
		base = strings.TrimSuffix(base, path.Ext(base))
		return strings.TrimSuffix(base, ".template")
	}
	return path.Base(dir)
}

// serverlessService reads the service and stage from a packaged template:
// the artifact key "serverless/<service>/<stage>/…", else the function
// names "<service>-<stage>-<function>".
func (t *template) serverlessService() (service, stage string) {
	fns := t.resourcesOfType(typeLambdaFunction)
	for _, en := range fns {
		key := t.ev.Eval(en.Value.Path("Properties", "Code", "S3Key"))
		parts := strings.Split(key.Text, "/")
		if key.Resolved && len(parts) >= 4 && parts[0] == "serverless" && parts[1] != "" {
			return parts[1], parts[2]
		}
	}
	for _, en := range fns {
		name := t.ev.Eval(en.Value.Path("Properties", "FunctionName"))
		if !name.Resolved {
			continue
		}
		if prefix, ok := cutFoldSuffix(name.Text, "-"+serverlessKey(en.Key)); ok { // "<service>-<stage>"
			if i := strings.LastIndex(prefix, "-"); i > 0 {
				return prefix[:i], prefix[i+1:]
			}
		}
	}
	return "", ""
}

// cutFoldSuffix removes suffix from s, ignoring case.
func cutFoldSuffix(s, suffix string) (string, bool) {
	if len(suffix) < 2 || len(s) <= len(suffix) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// serverlessKey recovers a Serverless function key from the logical id the
// framework gives its function ("HelloDashWorldLambdaFunction" →
// "hello-world"); "" when the id does not follow that scheme.
func serverlessKey(id string) string {
	s, ok := strings.CutSuffix(id, "LambdaFunction")
	if !ok || s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "Dash", "-")
	s = strings.ReplaceAll(s, "Underscore", "_")
	return strings.ToLower(s[:1]) + s[1:]
}

// functionName is the name a function is listed under: the logical id, or
// for serverless-package templates the Serverless function key.
func (t *template) functionName(id string) string {
	if t.kind != kindServerlessPackage {
		return id
	}
	name := t.ev.Eval(t.props(id).Get("FunctionName"))
	prefix := t.service + "-" + t.stage + "-"
	if name.Resolved && t.stage != "" && strings.HasPrefix(name.Text, prefix) && len(name.Text) > len(prefix) {
		return name.Text[len(prefix):]
	}
	if key := serverlessKey(id); key != "" {
		return key
	}
	return id
}
