package source

import (
	"bytes"
	"errors"
	"testing"
)

// fuzzFile checks the invariants every input must keep: Parse refuses with
// one of its errors or returns a File whose queries find lines inside the
// file, and nothing panics.
func fuzzFile(t *testing.T, path string, src []byte) {
	f, err := Parse(path, src)
	if err != nil {
		if f != nil {
			t.Fatal("error with a non-nil File")
		}
		for _, e := range []error{ErrTooLarge, ErrBinary, ErrEncoding, ErrParser} {
			if errors.Is(err, e) {
				return
			}
		}
		t.Fatalf("unexpected error: %v", err)
	}
	defer f.Close()
	maxLine := bytes.Count(src, []byte("\n")) + 1
	for _, sym := range []string{"handler", "default", "main", "handlers.create", "a.b.c"} {
		for _, l := range []int{f.ExportLine(sym), f.HandlerLine(sym)} {
			if l < 0 || l > maxLine {
				t.Fatalf("line %d for %q outside 1..%d", l, sym, maxLine)
			}
		}
	}
	for _, imp := range f.LocalImports() {
		if imp.Spec == "" || imp.Line < 1 || imp.Line > maxLine {
			t.Fatalf("bad import %+v", imp)
		}
	}
	for _, p := range f.Packages() {
		if p == "" {
			t.Fatal("empty package name")
		}
	}
	f.HasErrors()
	f.Close()
}

func FuzzParseJavaScript(f *testing.F) {
	for _, tc := range jsExportCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte("import x from './y'; export * from './z'; require(`./${a}`); import('./q')"))
	f.Add([]byte("exports.a.b.c = module.exports['x'] = {[k]: 1, ...r, m() {}}"))
	f.Fuzz(func(t *testing.T, src []byte) { fuzzFile(t, "h.js", src) })
}

func FuzzParseTypeScript(f *testing.F) {
	for _, tc := range tsExportCases {
		f.Add([]byte(tc.src), tc.path == "h.tsx")
	}
	f.Add([]byte("import fs = require('./fs'); export = { handler } as const;"), false)
	f.Add([]byte("const a = <T,>(x: T) => <div>{x as any}</div>;"), true)
	f.Fuzz(func(t *testing.T, src []byte, tsx bool) {
		path := "h.ts"
		if tsx {
			path = "h.tsx"
		}
		fuzzFile(t, path, src)
	})
}

func FuzzParsePython(f *testing.F) {
	for _, tc := range pyExportCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte("from . import (a,\n b as c)\nimport x . y\nfrom .m import *\na = b = c = handler\n"))
	f.Fuzz(func(t *testing.T, src []byte) { fuzzFile(t, "h.py", src) })
}

func FuzzParseGo(f *testing.F) {
	for _, tc := range goExportCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte("package main\nimport l \"github.com/aws/aws-lambda-go/lambda\"\nfunc main() { l.Start(w(w(w(h)))) }\nfunc h() {}\n"))
	f.Fuzz(func(t *testing.T, src []byte) { fuzzFile(t, "main.go", src) })
}
