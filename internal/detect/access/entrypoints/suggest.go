package entrypoints

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Stem is a file's base name without its extension.
func Stem(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, path.Ext(b))
}

// handlerParts splits a declared handler into the module path and the
// export name: "src/report.handler" → ("src/report", "handler"); an Azure
// script "../lib/jobs.js#purge" → ("../lib/jobs", "purge").
func handlerParts(fn *model.Function) (string, string) {
	h := strings.TrimSpace(fn.Handler)
	if mod, sym, ok := strings.Cut(h, "#"); ok {
		return strings.TrimSuffix(mod, path.Ext(mod)), sym
	}
	i := strings.LastIndex(h, ".")
	if i <= 0 {
		return h, ""
	}
	return h[:i], h[i+1:]
}

// Suggest returns the entry point a function whose handler is missing
// probably meant: one exporting the same name from a file with the same
// base name (the code moved or was renamed: src/report.js ↔
// src/reports/report.ts), or for Azure the entry point in the function's
// own folder (the TypeScript source of an unbuilt scriptFile).
func Suggest(x *Index, fn *model.Function) (Entry, bool) {
	if x == nil || fn.HandlerStatus != model.HandlerMissing {
		return Entry{}, false
	}
	mod, sym := handlerParts(fn)
	var best Entry
	found := false
	for _, e := range x.Entries {
		switch {
		case fn.Provider == model.Azure:
			if e.Style == StyleAzure && path.Dir(e.File) == fn.CodeDir {
				return e, true
			}
		case e.Style == StyleAWS && e.Symbol == sym && Stem(e.File) == path.Base(mod):
			if !found || samePlace(e.File, fn, mod) {
				best, found = e, true
			}
		}
	}
	return best, found
}

// samePlace reports an entry under the function's code directory.
func samePlace(file string, fn *model.Function, mod string) bool {
	dir := path.Join(fn.CodeDir, path.Dir(mod))
	return strings.HasPrefix(file, dir+"/") || dir == "."
}
