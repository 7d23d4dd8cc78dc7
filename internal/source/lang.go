package source

import (
	"path"
	"strings"
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"
	tsgo "github.com/tree-sitter/tree-sitter-go/bindings/go"
	tsjs "github.com/tree-sitter/tree-sitter-javascript/bindings/go"
	tspy "github.com/tree-sitter/tree-sitter-python/bindings/go"
	tsts "github.com/tree-sitter/tree-sitter-typescript/bindings/go"
)

// Lang is a source language clad parses.
type Lang string

// The supported languages. TSX is TypeScript with JSX, which needs its own
// grammar; JSX in .js/.jsx files is part of the JavaScript grammar.
const (
	Unsupported Lang = ""
	JavaScript  Lang = "javascript"
	TypeScript  Lang = "typescript"
	TSX         Lang = "tsx"
	Python      Lang = "python"
	Go          Lang = "go"
)

var langByExt = map[string]Lang{
	".js": JavaScript, ".mjs": JavaScript, ".cjs": JavaScript, ".jsx": JavaScript,
	".ts": TypeScript, ".mts": TypeScript, ".cts": TypeScript,
	".tsx": TSX,
	".py":  Python,
	".go":  Go,
}

// DetectLang returns the language of a file from its extension (case
// insensitive), or Unsupported. TypeScript declaration files (.d.ts) hold no
// code and are Unsupported.
func DetectLang(p string) Lang {
	base := strings.ToLower(path.Base(p))
	for _, d := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if strings.HasSuffix(base, d) {
			return Unsupported
		}
	}
	return langByExt[path.Ext(base)]
}

// IsJS reports whether l is one of the JavaScript family (JS, TS, TSX), which
// share export and import rules.
func (l Lang) IsJS() bool { return l == JavaScript || l == TypeScript || l == TSX }

// grammar returns the tree-sitter language for l, or nil.
func (l Lang) grammar() *ts.Language {
	var p unsafe.Pointer
	switch l {
	case JavaScript:
		p = tsjs.Language()
	case TypeScript:
		p = tsts.LanguageTypescript()
	case TSX:
		p = tsts.LanguageTSX()
	case Python:
		p = tspy.Language()
	case Go:
		p = tsgo.Language()
	default:
		return nil
	}
	return ts.NewLanguage(p)
}
