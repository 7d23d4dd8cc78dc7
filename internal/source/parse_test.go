package source

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestDetectLang(t *testing.T) {
	tests := map[string]Lang{
		"a.js": JavaScript, "a.mjs": JavaScript, "a.cjs": JavaScript, "a.jsx": JavaScript,
		"a.ts": TypeScript, "a.mts": TypeScript, "a.cts": TypeScript, "a.tsx": TSX,
		"a.py": Python, "dir/main.go": Go, "A.JS": JavaScript, "x.zip!/src/h.py": Python,
		"a.d.ts": Unsupported, "a.d.mts": Unsupported, "a.json": Unsupported, "a.pyc": Unsupported,
		"Makefile": Unsupported, "js": Unsupported, ".js": JavaScript, "": Unsupported,
	}
	for p, want := range tests {
		if got := DetectLang(p); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestParseRejectsHostileInput(t *testing.T) {
	tests := []struct {
		name string
		path string
		src  []byte
		want error
	}{
		{"unsupported", "a.rb", []byte("puts 1"), ErrUnsupported},
		{"too large", "a.js", bytes.Repeat([]byte("// padding line\n"), 3<<20/16), ErrTooLarge},
		{"binary", "a.js", []byte("\x7fELF\x02\x01\x01\x00\x00"), ErrBinary},
		{"NUL in text", "a.py", []byte("def handler(e, c):\n    return '\x00'\n"), ErrBinary},
		{"invalid UTF-8", "a.py", []byte("x = '\xff\xfe'\n"), ErrEncoding},
		{"truncated UTF-8", "a.ts", []byte("const s = '\xe2\x82'"), ErrEncoding},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(tc.path, tc.src)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Parse error = %v, want %v", err, tc.want)
			}
			if f != nil {
				t.Error("a refused file must be nil")
			}
			if !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestParseAcceptsLimit(t *testing.T) {
	line := append([]byte("#"), bytes.Repeat([]byte("x"), 1022)...)
	src := bytes.Repeat(append(line, '\n'), MaxFileSize/1024)
	f, err := Parse("big.py", src)
	if err != nil {
		t.Fatalf("a file of exactly MaxFileSize must parse: %v", err)
	}
	defer f.Close()
	if f.HasErrors() {
		t.Error("unexpected syntax errors")
	}
}

func TestParseKeepsWhatItCanFromBrokenFiles(t *testing.T) {
	tests := []struct {
		path, src, symbol string
		line              int
		imports           int
	}{
		{"h.js", lines(
			"const db = require('./db');",
			"exports.handler = async (e) => {",
			"  if (e.x {",
			"};",
			"const u = require('./util');",
			"module.exports.other = () => ;"), "handler", 2, 2},
		{"h.py", lines(
			"from .models import User",
			"x = = 1",
			"def later(e):",
			"    import helpers",
			"    return e",
			"@@@",
			"def handler(event, context):",
			"    pass"), "handler", 7, 2},
		{"h.ts", lines(
			"import { a } from './a';",
			"export const handler = async (e: ) => {",
			"};",
			"import { b } from './b';"), "handler", 2, 2},
		{"main.go", lines(
			"package main",
			"func main() {",
			"\tif x {",
			"}"), "main", 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			f := mustParse(t, tc.path, tc.src)
			if !f.HasErrors() {
				t.Error("HasErrors = false for a broken file")
			}
			if got := f.ExportLine(tc.symbol); got != tc.line {
				t.Errorf("ExportLine(%q) = %d, want %d", tc.symbol, got, tc.line)
			}
			if got := len(f.LocalImports()); got != tc.imports {
				t.Errorf("LocalImports = %v, want %d imports", f.LocalImports(), tc.imports)
			}
		})
	}
}

func TestParseCleanFileHasNoErrors(t *testing.T) {
	f := mustParse(t, "h.js", "exports.handler = async () => 1;\n")
	if f.HasErrors() {
		t.Error("HasErrors = true for valid code")
	}
	if f.Lang != JavaScript || f.Path != "h.js" || string(f.Source()) != "exports.handler = async () => 1;\n" {
		t.Errorf("File = %+v", f)
	}
	if f.Tree() == nil || f.Tree().RootNode().Kind() != "program" {
		t.Error("Tree() does not expose the syntax tree")
	}
}

// Deeply nested input must not blow the stack of the walkers: they iterate.
func TestParseDeepNesting(t *testing.T) {
	for _, tc := range []struct{ path, open, close string }{
		{"deep.js", "[", "]"}, {"deep.py", "(", ")"}, {"deep.ts", "{", "}"}, {"deep.go", "(", ")"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			n := 50_000
			src := "x = " + strings.Repeat(tc.open, n) + "require('./a')" + strings.Repeat(tc.close, n) + "\n"
			f := mustParse(t, tc.path, src)
			f.ExportLine("handler")
			f.HandlerLine("main")
			f.LocalImports()
			f.Packages()
		})
	}
}

// Chunk boundaries must never split a multi-byte character.
func TestParseMultibyteAcrossChunks(t *testing.T) {
	pad := strings.Repeat("a", chunkSize-2)
	src := "// " + pad + "€€€\nexports.handler = () => 'ünïcödé';\n"
	f := mustParse(t, "h.js", src)
	if f.HasErrors() {
		t.Error("multi-byte text across a chunk boundary produced syntax errors")
	}
	if got := f.ExportLine("handler"); got != 2 {
		t.Errorf("ExportLine = %d, want 2", got)
	}
}

func TestParseBOM(t *testing.T) {
	f := mustParse(t, "h.py", "\ufeffdef handler(e, c):\n    pass\n")
	if got := f.ExportLine("handler"); got != 1 {
		t.Errorf("ExportLine = %d, want 1", got)
	}
}

// Parse is safe for concurrent use: each call has its own parser, and the
// shared tables are built once.
func TestParseConcurrent(t *testing.T) {
	inputs := []struct{ path, src, symbol string }{
		{"h.js", "exports.handler = () => require('./a');\n", "handler"},
		{"h.ts", "export const handler = async (e: E) => e;\n", "handler"},
		{"h.py", "def handler(e, c): pass\n", "handler"},
		{"m.go", "package main\nfunc main() {}\n", "main"},
	}
	var wg sync.WaitGroup
	for range 4 {
		for _, in := range inputs {
			wg.Go(func() {
				f, err := Parse(in.path, []byte(in.src))
				if err != nil {
					t.Error(err)
					return
				}
				defer f.Close()
				if got := f.HandlerLine(in.symbol); got != strings.Count(in.src, "\n") {
					t.Errorf("%s: HandlerLine = %d", in.path, got)
				}
			})
		}
	}
	wg.Wait()
}

// TestParseTimeout: a parse that exceeds ParseTimeout is abandoned with
// ErrTimeout instead of stalling the scan.
func TestParseTimeout(t *testing.T) {
	old := ParseTimeout
	ParseTimeout = 0
	defer func() { ParseTimeout = old }()
	src := []byte(strings.Repeat("function f() { try { x(); } catch (e) { if (a) { b( } }\n", 20000))
	f, err := Parse("big.js", src)
	if err == nil {
		f.Close()
		t.Fatal("no error with a zero time limit")
	}
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want ErrTimeout", err)
	}
}
