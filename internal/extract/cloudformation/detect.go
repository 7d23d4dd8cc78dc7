package cloudformation

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// templateExts are the extensions a template may have.
var templateExts = map[string]bool{".yaml": true, ".yml": true, ".json": true, ".template": true}

// skipNames are well-known files of other tools that are never templates.
var skipNames = map[string]bool{
	"package.json": true, "package-lock.json": true, "npm-shrinkwrap.json": true,
	"composer.json": true, "pnpm-lock.yaml": true, "pnpm-workspace.yaml": true,
	"function.json": true, "host.json": true, "local.settings.json": true, "proxies.json": true,
	"samconfig.yaml": true, "samconfig.yml": true, "cdk.json": true, "cdk.context.json": true,
	"renovate.json": true, ".gitlab-ci.yml": true, ".pre-commit-config.yaml": true,
	".travis.yml": true, "mkdocs.yml": true, "pubspec.yaml": true, "lerna.json": true,
	"nx.json": true, "turbo.json": true, "vercel.json": true, "netlify.json": true,
	"app.json": true, "manifest.json": true, "launch.json": true, "settings.json": true,
	"tasks.json": true, "extensions.json": true,
}

// skipDirs are path segments under which no template is looked for.
var skipDirs = map[string]bool{"node_modules": true, ".github": true, "bower_components": true}

// candidatePath is FileRequired: a cheap check on the path alone.
func candidatePath(p string) bool {
	lower := strings.ToLower(p)
	base := path.Base(lower)
	if !templateExts[path.Ext(base)] || skipNames[base] {
		return false
	}
	for _, seg := range strings.Split(path.Dir(lower), "/") {
		if skipDirs[strings.TrimSuffix(seg, "!")] {
			return false
		}
	}
	switch {
	case strings.HasPrefix(base, "serverless."),
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, "jsconfig") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, "appsettings") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, ".eslintrc"), strings.HasPrefix(base, ".prettierrc"),
		strings.HasPrefix(base, "docker-compose"), strings.HasPrefix(base, "compose."),
		strings.Contains(base, ".lock."), strings.Contains(base, "-lock."):
		return false
	}
	return true
}

// namedLikeTemplate reports names that templates carry: template.yaml,
// *.template, *.template.json, *.cfn.yaml, the files `serverless package`
// writes.
func namedLikeTemplate(p string) bool {
	base := strings.ToLower(path.Base(p))
	stem := strings.TrimSuffix(base, path.Ext(base))
	return defaultTemplateName(base) || strings.HasSuffix(base, ".template") ||
		strings.HasSuffix(stem, ".template") || strings.HasPrefix(stem, "template-") ||
		strings.HasSuffix(stem, ".cfn") || stem == "cloudformation"
}

// defaultTemplateName reports the names tools give templates by default:
// SAM's template.yaml and the files `serverless package` writes.
func defaultTemplateName(base string) bool {
	switch base {
	case "template.yaml", "template.yml", "template.json":
		return true
	}
	return serverlessPackageName(base)
}

// serverlessPackageName reports the templates `serverless package` writes.
func serverlessPackageName(base string) bool {
	return base == "cloudformation-template-update-stack.json" ||
		base == "cloudformation-template-create-stack.json"
}

var typeAWS = regexp.MustCompile(`["']?Type["']?\s*:\s*["']?AWS::`)

// strongMarkers reports content only a template has.
func strongMarkers(data []byte) bool {
	return bytes.Contains(data, []byte("AWSTemplateFormatVersion")) ||
		bytes.Contains(data, []byte("AWS::Serverless-2016-10-31")) ||
		typeAWS.Match(data)
}

// weakMarkers reports content a template must have somewhere.
func weakMarkers(data []byte) bool { return bytes.Contains(data, []byte("AWS::")) }

// isTemplate checks a parsed document: a map with AWSTemplateFormatVersion,
// a SAM Transform, or Resources of AWS types.
func isTemplate(root *cfgtree.Node) bool {
	if root == nil || root.Kind != cfgtree.Map {
		return false
	}
	if root.Get("AWSTemplateFormatVersion") != nil || hasSAMTransform(root) {
		return true
	}
	if rs := root.Get("Resources"); rs != nil {
		for _, en := range rs.Entries {
			if strings.HasPrefix(en.Value.Get("Type").Str(), "AWS::") {
				return true
			}
		}
	}
	return false
}

// hasSAMTransform reports whether the template declares the SAM transform.
func hasSAMTransform(root *cfgtree.Node) bool {
	for _, s := range root.Get("Transform").Strings() {
		if strings.HasPrefix(s, "AWS::Serverless") {
			return true
		}
	}
	return false
}

// Manifest kinds.
const (
	kindSAM               = "sam"
	kindCloudFormation    = "cloudformation"
	kindServerlessPackage = "serverless-package"
)

// manifestKind classifies a template.
func manifestKind(file string, root *cfgtree.Node) string {
	switch {
	case serverlessPackageName(strings.ToLower(path.Base(file))):
		return kindServerlessPackage
	case hasSAMTransform(root):
		return kindSAM
	}
	return kindCloudFormation
}
