package engine

import (
	"bytes"
	"path"
	"strings"
)

// fileKind decides how assignments are read: whether a bare (unquoted)
// value is a literal (YAML, .env, ini) or an expression (code, JSON).
type fileKind int

const (
	kindOther  fileKind = iota // text, docs, unknown: bare values are literals
	kindCode                   // programming languages: only quoted literals
	kindJSON                   // JSON: only quoted strings
	kindConfig                 // YAML, .env, ini, properties, shell: bare values count
	kindNetrc                  // .netrc: "password VALUE"
)

// fileInfo is what the path tells about a file.
type fileInfo struct {
	kind fileKind
	base string
	// test is true under test/fixture/mock/example/docs directories or for
	// test file names.
	test bool
	// sourceMap and keyList turn off the generic rule and decoding: source
	// maps repeat the sources in escaped JSON; authorized_keys and
	// known_hosts hold public keys only.
	sourceMap, keyList bool
	// npmrc, pypirc name credential files with their own rules.
	npmrc, pypirc bool
	// doc marks documentation: rules judging by shape alone are off.
	doc bool
}

var codeExts = map[string]bool{
	".js": true, ".jsx": true, ".ts": true, ".tsx": true, ".mjs": true, ".cjs": true, ".mts": true, ".cts": true,
	".py": true, ".go": true, ".java": true, ".kt": true, ".kts": true, ".cs": true, ".fs": true, ".rb": true,
	".php": true, ".swift": true, ".scala": true, ".rs": true, ".c": true, ".cc": true, ".cpp": true, ".h": true,
	".hpp": true, ".groovy": true, ".dart": true, ".vue": true, ".svelte": true, ".lua": true, ".ex": true,
	".exs": true, ".s": true, ".asm": true, ".tf": true, ".hcl": true, ".tfvars": true, ".r": true, ".pl": true, ".m": true, ".clj": true,
}

var configExts = map[string]bool{
	".yml": true, ".yaml": true, ".env": true, ".ini": true, ".cfg": true, ".conf": true, ".properties": true,
	".toml": true, ".sh": true, ".bash": true, ".zsh": true, ".ps1": true, ".bat": true, ".cmd": true,
	".npmrc": true, ".pypirc": true, ".gitconfig": true, ".xml": true, ".config": true, ".settings": true,
}

var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "spec": true, "specs": true, "__mocks__": true,
	"mocks": true, "mock": true, "fixtures": true, "fixture": true, "__fixtures__": true, "testdata": true,
	"testing": true, "e2e": true, "examples": true, "example": true, "samples": true, "sample": true,
	"docs": true, "doc": true, "test-data": true, "test_data": true, "stubs": true,
	"fuzz": true, "testutil": true, "testutils": true, "testing_utils": true,
}

// testWords in a file name mark test material (x.test.js, keys_test_data.go,
// test_api.py, mock-server.js).
var testWords = map[string]bool{
	"test": true, "tests": true, "spec": true, "specs": true, "fixture": true, "fixtures": true,
	"mock": true, "mocks": true, "fake": true, "fakes": true, "stub": true, "stubs": true,
	"stories": true, "testdata": true, "e2e": true, "example": true, "examples": true, "sample": true,
}

func classify(p string) fileInfo {
	p = strings.ReplaceAll(p, "\\", "/")
	if i := strings.LastIndex(p, "!/"); i >= 0 {
		p = p[i+2:]
	}
	base := path.Base(p)
	lb := strings.ToLower(base)
	ext := path.Ext(lb)
	fi := fileInfo{base: lb, test: TestPath(p)}
	switch {
	case lb == ".netrc" || lb == "_netrc":
		fi.kind = kindNetrc
	case lb == ".env" || strings.HasPrefix(lb, ".env.") || lb == "dockerfile" || strings.HasSuffix(lb, ".dockerfile") || lb == "makefile":
		fi.kind = kindConfig
	case ext == ".json" || ext == ".jsonc" || ext == ".json5" || ext == ".map" || ext == ".ipynb":
		fi.kind = kindJSON
	case codeExts[ext]:
		fi.kind = kindCode
	case configExts[ext]:
		fi.kind = kindConfig
	}
	fi.sourceMap = ext == ".map" || strings.HasSuffix(lb, ".js.map")
	fi.keyList = lb == "authorized_keys" || lb == "known_hosts" || ext == ".pub"
	fi.doc = docFile(lb)
	fi.npmrc = lb == ".npmrc"
	fi.pypirc = lb == ".pypirc"
	return fi
}

// TestPath reports whether a path is test, fixture, mock, example or
// documentation material: a directory named so, a test file name
// (x.test.js, x_test.go, test_x.py, x.spec.ts, x.stories.tsx), or a
// documentation file (.md, .rst, .adoc).
func TestPath(p string) bool {
	p = strings.ToLower(strings.ReplaceAll(p, "\\", "/"))
	parts := strings.Split(p, "/")
	for _, d := range parts[:len(parts)-1] {
		if testDirs[strings.TrimSuffix(d, ".zip!")] {
			return true
		}
	}
	base := parts[len(parts)-1]
	switch path.Ext(base) {
	case ".md", ".mdx", ".rst", ".adoc", ".markdown":
		return true // documentation
	case ".example", ".sample", ".template", ".tmpl", ".tpl", ".dist":
		return true // templates: .env.example, config.json.sample
	}
	if strings.Contains(base, "swagger") || strings.Contains(base, "openapi") || strings.HasPrefix(base, "conftest.") {
		return true // API documentation with example values; pytest fixtures
	}
	for _, w := range splitWords(strings.TrimSuffix(base, path.Ext(base)), 16) {
		if testWords[w] {
			return true
		}
	}
	return false
}

// fakeMarkers are words that, in a comment near a match in a test path,
// say the value is a stand-in.
var fakeMarkers = [][]byte{
	[]byte("fake"), []byte("dummy"), []byte("example"), []byte("sample"), []byte("mock"), []byte("placeholder"),
	[]byte("for testing"), []byte("test only"), []byte("testing only"), []byte("invalid"), []byte("bogus"),
}

// notReal phrases say so wherever they are, comment or string.
var notReal = [][]byte{[]byte("not a real"), []byte("not real"), []byte("not-a-real"), []byte("not_a_real"), []byte("notreal")}

// markedFake reports a fake marker within two lines of i: a "not a real"
// phrase anywhere, or a marker word in a comment. A variable name alone
// (SAMPLE_TOKEN) does not say the value is fake.
func markedFake(data []byte, i int) bool {
	s, e := window(data, i, 2, 600)
	for _, line := range bytes.Split(bytes.ToLower(data[s:e]), []byte("\n")) {
		for _, m := range notReal {
			if bytes.Contains(line, m) {
				return true
			}
		}
		c := commentPart(line)
		for _, m := range fakeMarkers {
			if bytes.Contains(c, m) {
				return true
			}
		}
	}
	return false
}

// commentPart returns the comment of a line: from the first //, #, /* or
// <!--, or the whole line when it continues a block comment (* …).
func commentPart(line []byte) []byte {
	t := bytes.TrimLeft(line, " \t")
	if bytes.HasPrefix(t, []byte("*")) {
		return t
	}
	best := -1
	for _, open := range [][]byte{[]byte("//"), []byte("#"), []byte("/*"), []byte("<!--")} {
		if k := bytes.Index(line, open); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	if best < 0 {
		return nil
	}
	return line[best:]
}

// allowed reports whether the line holding i carries one of the markers.
func allowed(data []byte, i int, markers []string) bool {
	if len(markers) == 0 {
		return false
	}
	s, e := lineBounds(data, i, 4096)
	line := data[s:e]
	for _, m := range markers {
		if bytes.Contains(line, []byte(m)) {
			return true
		}
	}
	return false
}

// isBinary reports a NUL byte in the first 8 KiB.
func isBinary(data []byte) bool {
	n := len(data)
	if n > 8<<10 {
		n = 8 << 10
	}
	return bytes.IndexByte(data[:n], 0) >= 0
}
