// Package source parses serverless handler code (JavaScript, TypeScript,
// Python, Go) with tree-sitter and answers the questions the scan asks of
// it: on which line is the exported handler defined, which modules does a
// file import, and which files does a handler reach through local imports.
// It is the base the code-vulnerability (taint) analysis builds on.
//
// A File owns C memory (the tree-sitter tree): Close it when done.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// MaxFileSize is the largest source file Parse accepts. Hand-written handler
// code is far smaller; anything bigger is bundled or generated output.
const MaxFileSize = 2 << 20

// Errors Parse returns, wrapped with the file's path.
var (
	ErrUnsupported = errors.New("unsupported source language")
	ErrTooLarge    = errors.New("source file larger than 2 MiB")
	ErrBinary      = errors.New("binary content (NUL byte)")
	ErrEncoding    = errors.New("not valid UTF-8 text")
	ErrParser      = errors.New("parser failed")
	ErrTimeout     = errors.New("parsing took longer than the time limit (pathological input)")
)

// ParseTimeout bounds the time tree-sitter may spend on one file. Real
// handler code parses in milliseconds; hostile input can make the parser
// crawl for minutes, and one file must never stall a scan. A file that hits
// the limit is reported as not analysed, never as clean.
var ParseTimeout = 10 * time.Second

// File is one parsed source file. Its methods are safe to call after Close
// (they then find nothing) but not from several goroutines at once.
type File struct {
	// Path is the file's path as given to Parse.
	Path string
	// Lang is the language it was parsed as.
	Lang Lang

	doc  syntax.Doc // the text and its grammar's names
	tree *ts.Tree

	allImports []Import // imports(), computed on first use
}

// Parse parses src as the language path's extension names; it is safe for
// concurrent use. It refuses
// files of an unsupported language, over MaxFileSize, holding NUL bytes or
// invalid UTF-8. Syntax errors are not an error: tree-sitter recovers and
// the rest of the file stays usable (see HasErrors).
func Parse(path string, src []byte) (*File, error) {
	lang := DetectLang(path)
	if err := check(lang, src); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g := lang.grammar()
	tree, err := parseTree(lang, g, src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{Path: path, Lang: lang, doc: syntax.NewDoc(src, g), tree: tree}, nil
}

// check applies Parse's refusals.
func check(lang Lang, src []byte) error {
	switch {
	case lang == Unsupported:
		return ErrUnsupported
	case len(src) > MaxFileSize:
		return ErrTooLarge
	case bytes.IndexByte(src, 0) >= 0:
		return ErrBinary
	case !utf8.Valid(src):
		return ErrEncoding
	}
	return nil
}

// parseTree runs tree-sitter. The parser is created per call: parsers are
// cheap, not safe for concurrent use, and must be freed explicitly.
func parseTree(lang Lang, g *ts.Language, src []byte) (tree *ts.Tree, err error) {
	defer func() { // the bindings are thin cgo wrappers; stay safe anyway
		if r := recover(); r != nil {
			tree, err = nil, fmt.Errorf("%w: %v", ErrParser, r)
		}
	}()
	useDefaultAllocator()
	p := ts.NewParser()
	defer p.Close()
	if err := p.SetLanguage(g); err != nil {
		return nil, fmt.Errorf("%w: %s grammar: %w", ErrParser, lang, err)
	}
	deadline := time.Now().Add(ParseTimeout)
	timedOut := false
	opts := &ts.ParseOptions{ProgressCallback: func(ts.ParseState) bool {
		timedOut = time.Now().After(deadline)
		return timedOut
	}}
	tree = p.ParseWithOptions(chunks(src), nil, opts)
	switch {
	case tree == nil && timedOut:
		return nil, ErrTimeout
	case tree == nil:
		return nil, fmt.Errorf("%w: no tree for %s input", ErrParser, lang)
	}
	return tree, nil
}

// chunkSize bounds each piece of input handed to tree-sitter. The bindings
// copy every piece into C memory and keep the copies until the parse ends;
// Parser.Parse hands over the whole rest of the file on every read, so each
// re-read (the lexer reads again after jumping back) would copy up to the
// full file.
const chunkSize = 64 << 10

// chunks feeds src to the parser in pieces that end on a character boundary.
func chunks(src []byte) func(int, ts.Point) []byte {
	return func(i int, _ ts.Point) []byte {
		if i >= len(src) {
			return nil
		}
		end := min(i+chunkSize, len(src))
		for end < len(src) && end > i+1 && !utf8.RuneStart(src[end]) {
			end--
		}
		return src[i:end]
	}
}

// Close frees the syntax tree. It is safe to call more than once.
func (f *File) Close() {
	if f == nil || f.tree == nil {
		return
	}
	f.tree.Close()
	f.tree = nil
}

// Source returns the text the file was parsed from.
func (f *File) Source() []byte { return f.doc.Source() }

// Syntax returns the helpers for reading the file's syntax tree (node
// kinds, text, children) with its text and grammar; see package syntax.
func (f *File) Syntax() syntax.Doc {
	if f == nil {
		return syntax.Doc{}
	}
	return f.doc
}

// Tree returns the tree-sitter syntax tree, or nil after Close. The tree
// belongs to the File: do not close it, and do not use it or its nodes
// after File.Close.
func (f *File) Tree() *ts.Tree {
	if f == nil {
		return nil
	}
	return f.tree
}

// HasErrors reports whether the tree holds syntax errors or missing tokens.
func (f *File) HasErrors() bool {
	root := f.root()
	return root != nil && root.HasError()
}

// root returns the root node, or nil after Close.
func (f *File) root() *ts.Node {
	if f == nil || f.tree == nil {
		return nil
	}
	return f.tree.RootNode()
}
