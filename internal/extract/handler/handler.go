// Package handler resolves a function's handler string to the source file
// that holds it, per runtime, the way each platform's runtime loads it.
package handler

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Resolution is where a handler's code is.
type Resolution struct {
	// File is the source file, relative to the scan root ("" unless resolved).
	File string
	// Symbol is the exported name the runtime calls (e.g. "handler").
	Symbol string
	// Status is one of model.Handler*.
	Status string
	// Tried lists the files looked for, for the "missing" message.
	Tried []string
}

// Lang returns the language family of a runtime string: node, python, go,
// java, dotnet, ruby, provided or "".
func Lang(runtime string) string {
	r := strings.ToLower(runtime)
	switch {
	case strings.HasPrefix(r, "node"):
		return "node"
	case strings.HasPrefix(r, "python"):
		return "python"
	case strings.HasPrefix(r, "go"):
		return "go"
	case strings.HasPrefix(r, "java"):
		return "java"
	case strings.HasPrefix(r, "dotnet") || strings.HasPrefix(r, "dotnetcore"):
		return "dotnet"
	case strings.HasPrefix(r, "ruby"):
		return "ruby"
	case strings.HasPrefix(r, "provided"):
		return "provided"
	}
	return ""
}

var nodeExts = []string{".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"}

// Resolve finds the code of an AWS-style handler ("dir/file.export",
// "pkg/module.func", "com.x.Class::method", "bootstrap") relative to codeDir.
// An unknown runtime is guessed from the files that exist.
func Resolve(t *walk.Tree, codeDir, runtime, h string) Resolution {
	if h == "" {
		return Resolution{Status: model.HandlerUnresolved}
	}
	if strings.Contains(h, "${") || strings.Contains(h, "{{") {
		return Resolution{Status: model.HandlerUnresolved}
	}
	switch Lang(runtime) {
	case "node":
		return resolveModule(t, codeDir, h, nodeExts, false)
	case "python":
		return resolveModule(t, codeDir, h, []string{".py"}, true)
	case "ruby":
		return resolveModule(t, codeDir, h, []string{".rb"}, false)
	case "java":
		return resolveJava(t, codeDir, h)
	case "go", "provided":
		return resolveBinary(t, codeDir, h)
	case "dotnet":
		return Resolution{Status: model.HandlerExternal}
	}
	// Runtime not known (an unresolved variable, a default): try the
	// interpreted languages in turn, then give up without claiming "missing".
	for _, exts := range [][]string{nodeExts, {".py"}} {
		r := resolveModule(t, codeDir, h, exts, exts[0] == ".py")
		if r.Status == model.HandlerResolved {
			return r
		}
	}
	return Resolution{Status: model.HandlerUnresolved}
}

// resolveModule handles "path/module.symbol". Node splits at the first dot
// of the last path element ("a/b.c.d" = module a/b, symbol c.d); Python at
// the last dot, with dots before it naming packages ("a.b.c" = a/b.py, c).
func resolveModule(t *walk.Tree, codeDir, h string, exts []string, python bool) Resolution {
	dir, base := path.Split(h)
	var module, symbol string
	if python {
		i := strings.LastIndex(base, ".")
		if i <= 0 {
			return Resolution{Status: model.HandlerMissing, Tried: []string{h}}
		}
		module, symbol = dir+strings.ReplaceAll(base[:i], ".", "/"), base[i+1:]
	} else {
		i := strings.Index(base, ".")
		if i <= 0 {
			return Resolution{Status: model.HandlerMissing, Tried: []string{h}}
		}
		module, symbol = dir+base[:i], base[i+1:]
	}
	p, tried := findModule(t, codeDir, module, exts, python)
	if p != "" {
		return Resolution{File: p, Symbol: symbol, Status: model.HandlerResolved}
	}
	if rest, ok := buildOutput(module); ok {
		// A handler inside build output (dist/handler.main) is compiled
		// before deploy: point at its source when it is there, else say
		// the code is built elsewhere rather than missing.
		srcExts := append([]string{".ts", ".mts", ".tsx"}, exts...)
		for _, src := range []string{rest, "src/" + rest} {
			if p, _ := findModule(t, codeDir, src, srcExts, python); p != "" {
				return Resolution{File: p, Symbol: symbol, Status: model.HandlerResolved}
			}
		}
		return Resolution{Status: model.HandlerExternal, Symbol: symbol}
	}
	return Resolution{Status: model.HandlerMissing, Symbol: symbol, Tried: tried[:min(len(tried), 4)]}
}

// findModule looks for module with each extension, and as a directory with
// an index file (not for Python).
func findModule(t *walk.Tree, codeDir, module string, exts []string, python bool) (string, []string) {
	var tried []string
	for _, ext := range exts {
		for i, cand := range []string{module + ext, module + "/index" + ext} {
			if python && i == 1 { // Python has no directory-index modules
				continue
			}
			p := Join(codeDir, cand)
			tried = append(tried, p)
			if t.Exists(p) {
				return p, tried
			}
		}
	}
	return "", tried
}

// buildDirs are the directories build tools write deployable code to.
var buildDirs = map[string]bool{
	"build": true, "dist": true, "out": true, "target": true, ".build": true, "bin": true,
	".webpack": true, ".esbuild": true, "_build": true, "output": true, ".aws-sam": true,
}

// buildOutput returns the part of a module path after a leading build
// directory ("dist/src/app" → "src/app").
func buildOutput(module string) (rest string, ok bool) {
	first, rest, found := strings.Cut(strings.TrimPrefix(module, "./"), "/")
	if !found || !buildDirs[first] {
		return "", false
	}
	return rest, true
}

// resolveJava maps "com.example.Handler::handleRequest" to its source under a
// Maven/Gradle layout. Java code usually ships as a built jar, so a missing
// source is "external", not "missing".
func resolveJava(t *walk.Tree, codeDir, h string) Resolution {
	class, method, _ := strings.Cut(h, "::")
	rel := strings.ReplaceAll(class, ".", "/")
	for _, root := range []string{"src/main/java/", "src/main/kotlin/", ""} {
		for _, ext := range []string{".java", ".kt"} {
			p := Join(codeDir, root+rel+ext)
			if t.Exists(p) {
				return Resolution{File: p, Symbol: method, Status: model.HandlerResolved}
			}
		}
	}
	return Resolution{Status: model.HandlerExternal, Symbol: method}
}

// resolveBinary handles Go and custom runtimes, whose handler names a built
// executable. The source is the main package whose directory matches the
// binary's name ("bin/hello" → hello/main.go, cmd/hello/main.go); a built
// binary present in a deployment package also counts.
func resolveBinary(t *walk.Tree, codeDir, h string) Resolution {
	if t.Exists(Join(codeDir, h)) {
		return Resolution{File: Join(codeDir, h), Status: model.HandlerResolved}
	}
	name := path.Base(h)
	cands := []string{name + "/main.go", "cmd/" + name + "/main.go", "functions/" + name + "/main.go", "main.go"}
	if name == "bootstrap" || name == "main" {
		cands = []string{"main.go", "cmd/bootstrap/main.go"}
	}
	for _, c := range cands {
		if p := Join(codeDir, c); t.Exists(p) {
			return Resolution{File: p, Symbol: "main", Status: model.HandlerResolved}
		}
	}
	if name != "bootstrap" && name != "main" {
		if p := mainPackageNamed(t, codeDir, name); p != "" { // todos/<name>/main.go and other layouts
			return Resolution{File: p, Symbol: "main", Status: model.HandlerResolved}
		}
	}
	return Resolution{Status: model.HandlerExternal}
}

// mainPackageNamed finds the one "<any dirs>/<name>/main.go" under codeDir
// (outside vendor/), or "" when there is none or more than one.
func mainPackageNamed(t *walk.Tree, codeDir, name string) string {
	found := ""
	for _, f := range t.Under(codeDir) {
		if path.Base(f.Path) != "main.go" || path.Base(path.Dir(f.Path)) != name || strings.Contains(f.Path, "/vendor/") {
			continue
		}
		if found != "" {
			return "" // ambiguous: do not guess
		}
		found = f.Path
	}
	return found
}

// Join joins a code directory and a relative path, slash-separated, cleaned,
// keeping the archive separator intact.
func Join(dir, rel string) string {
	rel = strings.TrimPrefix(rel, "./")
	if dir == "" || dir == "." {
		return path.Clean(rel)
	}
	if strings.HasSuffix(dir, walk.ArchiveSep) {
		return dir + path.Clean(rel)
	}
	if i := strings.Index(dir, walk.ArchiveSep); i >= 0 {
		return dir[:i] + walk.ArchiveSep + path.Clean(path.Join(dir[i+len(walk.ArchiveSep):], rel))
	}
	return path.Clean(path.Join(dir, rel))
}

// Symbol returns the name the runtime calls in the handler's file: the
// export of a Node handler ("src/a.main" → "main", "a.h.x" → "h.x"), the
// function of a Python or Ruby handler, the method of a Java handler, "main"
// for Go and custom runtimes. Azure handlers are "scriptFile#entryPoint"
// (Node's default export is "default", Python's "main").
func Symbol(provider, runtime, h string) string {
	if provider == model.Azure {
		if _, entry, ok := strings.Cut(h, "#"); ok && entry != "" {
			return entry
		}
		if Lang(runtime) == "python" || strings.HasSuffix(h, ".py") {
			return "main"
		}
		return "default"
	}
	_, base := path.Split(h)
	switch Lang(runtime) {
	case "python", "ruby":
		if i := strings.LastIndex(base, "."); i > 0 {
			return base[i+1:]
		}
	case "java", "dotnet":
		if i := strings.LastIndex(h, "::"); i >= 0 {
			return h[i+2:]
		}
	case "go", "provided":
		return "main"
	default:
		if i := strings.Index(base, "."); i > 0 {
			return base[i+1:]
		}
	}
	return ""
}
