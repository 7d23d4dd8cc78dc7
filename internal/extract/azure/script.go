package azure

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
)

// script is where a function's code is.
type script struct {
	file   string
	status string
	// lang is the language family, inferred from the file when the app
	// settings did not name it.
	lang string
}

// defaultScripts are the files a worker loads when function.json names no
// scriptFile, in the order they are tried.
var defaultScripts = map[string][]string{
	langNode:       {"index.js", "index.mjs", "index.cjs", "index.ts"},
	langPython:     {"__init__.py", "run.py"},
	langPowerShell: {"run.ps1"},
	langDotnet:     {"run.csx", "run.fsx"},
}

// defaultOrder is how the defaults are tried when the language is unknown.
var defaultOrder = []string{langNode, langPython, langPowerShell, langDotnet}

// tsOutDirs are the build directories a TypeScript app's scriptFile points
// into; the source is looked for beside them.
var tsOutDirs = map[string]bool{"dist": true, "out": true, "build": true}

// resolveScript finds the code of the function in fnDir.
func (a *app) resolveScript(fnDir, lang, scriptFile string) script {
	switch {
	case scriptFile != "":
		s := a.declaredScript(fnDir, scriptFile)
		s.lang = lang
		if s.lang == "" {
			s.lang = langOfFile(scriptFile)
		}
		return s
	case lang == langCustom:
		return a.customHandler()
	case lang == langJava:
		return script{status: model.HandlerExternal, lang: lang}
	case lang != "":
		if f := a.firstExisting(fnDir, defaultScripts[lang]); f != "" {
			return script{file: f, status: model.HandlerResolved, lang: lang}
		}
		if lang == langDotnet { // a compiled class library
			return script{status: model.HandlerExternal, lang: lang}
		}
		return script{status: model.HandlerMissing, lang: lang}
	}
	for _, l := range defaultOrder {
		if f := a.firstExisting(fnDir, defaultScripts[l]); f != "" {
			return script{file: f, status: model.HandlerResolved, lang: l}
		}
	}
	return script{status: model.HandlerUnresolved}
}

// declaredScript resolves function.json's scriptFile, relative to the
// function directory. Compiled .NET and Java code is external; a missing
// TypeScript build output falls back to its source.
func (a *app) declaredScript(fnDir, scriptFile string) script {
	if strings.ContainsAny(scriptFile, "%{") {
		return script{status: model.HandlerUnresolved}
	}
	switch strings.ToLower(path.Ext(scriptFile)) {
	case ".dll", ".jar":
		return script{status: model.HandlerExternal}
	}
	p := handler.Join(fnDir, scriptFile)
	if a.tree.Exists(p) {
		return script{file: p, status: model.HandlerResolved}
	}
	if f := a.tsSource(p); f != "" {
		return script{file: f, status: model.HandlerResolved}
	}
	return script{status: model.HandlerMissing}
}

// tsSource maps a TypeScript build output ("dist/todo/index.js") to its
// source ("todo/index.ts" or "src/todo/index.ts") in the app directory.
func (a *app) tsSource(built string) string {
	prefix := a.path("")
	if !strings.HasPrefix(built, prefix) {
		return ""
	}
	out, rest, ok := strings.Cut(strings.TrimPrefix(built, prefix), "/")
	ext := path.Ext(rest)
	if !ok || !tsOutDirs[out] || (ext != ".js" && ext != ".mjs" && ext != ".cjs") {
		return ""
	}
	src := strings.TrimSuffix(rest, ext) + ".ts"
	return a.firstExisting(a.dir, []string{src, "src/" + src})
}

// customHandler resolves the executable host.json names for a custom
// handler: the file itself, or the Go main package that builds it. When the
// executable is an interpreter (node, python…), the code is its worker file
// (defaultWorkerPath) or the script or module in its arguments
// ("-m uvicorn handler:app" → handler.py).
func (a *app) customHandler() script {
	exe := a.host.customExe
	if exe == "" {
		return script{status: model.HandlerUnresolved, lang: langCustom}
	}
	if interpreters[strings.TrimSuffix(path.Base(exe), ".exe")] {
		if f := a.interpretedCode(); f != "" {
			return script{file: f, status: model.HandlerResolved, lang: langCustom}
		}
		return script{status: model.HandlerUnresolved, lang: langCustom}
	}
	r := handler.Resolve(a.tree, a.dir, "provided", exe)
	return script{file: r.File, status: r.Status, lang: langCustom}
}

// interpreters run a custom handler's code rather than being it.
var interpreters = map[string]bool{
	"node": true, "nodejs": true, "python": true, "python3": true, "deno": true, "bun": true,
	"java": true, "dotnet": true, "php": true, "ruby": true, "pwsh": true,
}

// interpretedCode finds the file an interpreter runs for a custom handler.
func (a *app) interpretedCode() string {
	cands := []string{a.host.customWorker}
	for _, arg := range a.host.customArgs {
		if strings.HasPrefix(arg, "-") {
			continue
		}
		cands = append(cands, arg)
		if mod, _, ok := strings.Cut(arg, ":"); ok { // uvicorn/gunicorn "module:app"
			cands = append(cands, strings.ReplaceAll(mod, ".", "/")+".py")
		}
	}
	for _, c := range cands {
		if c == "" || strings.ContainsAny(c, "%{$") {
			continue
		}
		if p := handler.Join(a.dir, c); a.tree.Exists(p) {
			return p
		}
	}
	return ""
}

// firstExisting returns the first of names, relative to dir, that exists.
func (a *app) firstExisting(dir string, names []string) string {
	for _, n := range names {
		if p := handler.Join(dir, n); a.tree.Exists(p) {
			return p
		}
	}
	return ""
}
