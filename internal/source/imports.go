package source

import (
	"slices"
	"strings"
)

// Import is a module a file imports.
type Import struct {
	// Spec is the module as written. JavaScript: the specifier ("./lib/db",
	// "../x.js"). Python: the dotted module, with its leading dots when
	// relative (".", "..pkg.mod", "pkg.mod").
	Spec string
	// Name is, for Python's `from M import N`, the imported name N, which may
	// be a submodule of M or a name defined in M. Empty otherwise and for
	// `from M import *`.
	Name string
	// Line is the 1-based line of the import.
	Line int
}

// Relative reports whether the import names its module relative to the
// importing file (JavaScript "./x", "../x"; Python ".x").
func (i Import) Relative() bool { return strings.HasPrefix(i.Spec, ".") }

// LocalImports returns the imports that may name files of the project, in
// source order, each module (and Python name) once.
//
//   - JavaScript/TypeScript: relative and absolute-path specifiers.
//   - Python: relative imports, and absolute imports of modules outside the
//     standard library: only the project tree tells a local package from an
//     installed one, so ResolveImport decides (they are in Packages too).
//   - Go: none; a Go package is its directory (see Reach).
func (f *File) LocalImports() []Import {
	var out []Import
	for _, imp := range f.imports() {
		if f.isLocal(imp) {
			out = append(out, imp)
		}
	}
	return dedupImports(out)
}

// Packages returns the sorted names of the third-party packages the file
// imports: npm package names ("lodash", "@aws-sdk/client-s3"), Python
// top-level modules ("boto3"), Go module import paths. Built-in modules
// (Node core, the Python standard library, the Go standard library) are
// left out.
func (f *File) Packages() []string {
	seen := map[string]bool{}
	for _, imp := range f.imports() {
		if name := f.packageName(imp); name != "" {
			seen[name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// imports returns every import of the file, local or not, walking the
// tree once per File.
func (f *File) imports() []Import {
	root := f.root()
	if root == nil {
		return nil
	}
	if f.allImports == nil {
		switch {
		case f.Lang.IsJS():
			f.allImports = f.jsImports(root)
		case f.Lang == Python:
			f.allImports = f.pyImports(root)
		case f.Lang == Go:
			f.allImports = f.goImports(root)
		}
		if f.allImports == nil {
			f.allImports = []Import{}
		}
	}
	return f.allImports
}

// isLocal reports whether an import may name a file of the project.
func (f *File) isLocal(imp Import) bool {
	switch {
	case f.Lang.IsJS():
		return isLocalJS(imp.Spec)
	case f.Lang == Python:
		return imp.Relative() || !isPythonStdlib(topModule(imp.Spec))
	}
	return false
}

// packageName returns the third-party package an import loads, or "".
func (f *File) packageName(imp Import) string {
	switch {
	case f.Lang.IsJS():
		return npmPackage(imp.Spec)
	case f.Lang == Python:
		if top := topModule(imp.Spec); !imp.Relative() && !isPythonStdlib(top) {
			return top
		}
	case f.Lang == Go:
		if first, _, _ := strings.Cut(imp.Spec, "/"); strings.Contains(first, ".") {
			return imp.Spec
		}
	}
	return ""
}

// isLocalJS reports whether a specifier names a file rather than a package.
func isLocalJS(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") ||
		strings.HasPrefix(spec, "../") || strings.HasPrefix(spec, "/")
}

// npmPackage returns the package a bare specifier loads ("lodash/fp" →
// "lodash", "@aws-sdk/client-s3/dist" → "@aws-sdk/client-s3"), or "" for
// local paths, Node built-ins, URLs, package.json "#imports" and anything
// that cannot be an npm name.
func npmPackage(spec string) string {
	if spec == "" || isLocalJS(spec) || strings.HasPrefix(spec, "#") || strings.Contains(spec, ":") {
		return "" // "node:fs", "https://…", "data:…", "file:…"
	}
	parts := strings.SplitN(spec, "/", 3)
	name := parts[0]
	if strings.HasPrefix(name, "@") {
		if len(parts) < 2 || len(name) < 2 || parts[1] == "" {
			return ""
		}
		name += "/" + parts[1]
	} else if isNodeBuiltin(name) {
		return ""
	}
	if !validNpmName(name) {
		return ""
	}
	return name
}

// validNpmName checks the characters npm allows in a package name (scope
// included), so junk from hostile files never becomes a package.
func validNpmName(name string) bool {
	if len(name) > 214 || strings.HasPrefix(strings.TrimPrefix(name, "@"), ".") {
		return false
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("@/-._~", r):
		default:
			return false
		}
	}
	return true
}

// topModule returns the first element of a dotted Python module.
func topModule(dotted string) string {
	top, _, _ := strings.Cut(dotted, ".")
	return top
}

// dedupImports keeps the first import of each module and name.
func dedupImports(in []Import) []Import {
	type key struct{ spec, name string }
	seen := map[key]bool{}
	out := in[:0]
	for _, imp := range in {
		k := key{imp.Spec, imp.Name}
		if !seen[k] {
			seen[k] = true
			out = append(out, imp)
		}
	}
	return out
}
