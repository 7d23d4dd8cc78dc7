package entrypoints

import (
	"path"
	"strings"
)

// skipDirs are directory names whose files are never entry points of the
// project itself: dependencies, build output, tests, examples.
var skipDirs = map[string]bool{
	"node_modules": true, "bower_components": true, "vendor": true, "site-packages": true, "dist-packages": true,
	"dist": true, "build": true, "out": true, "lib-cov": true, "coverage": true, "target": true, "bin": true, "obj": true,
	"cdk.out": true, "__pycache__": true, "venv": true, "__tests__": true, "__mocks__": true, "__fixtures__": true,
	"test": true, "tests": true, "spec": true, "specs": true, "fixtures": true, "testdata": true, "e2e": true,
	"mocks": true, "mock": true, "examples": true, "example": true, "samples": true, "sample": true, "docs": true,
	"doc": true, "templates": true, "template": true, "scaffold": true, "scaffolds": true, "stubs": true,
}

// InScope reports a file that may be one of the project's own entry
// points: not inside an archive, a hidden or skipped directory, and not a
// test, a declaration file or a config script.
func InScope(p string) bool {
	dir, base := path.Split(p)
	return DirInScope(dir) && !testFile(base) && !configScript(base)
}

// DirInScope reports a directory that may hold the project's own code:
// not inside an archive, a hidden directory, dependencies, build output,
// tests or examples.
func DirInScope(dir string) bool {
	if strings.Contains(dir, "!/") {
		return false
	}
	for _, seg := range strings.Split(strings.Trim(dir, "/"), "/") {
		if seg == "" || seg == "." {
			continue
		}
		if skipDirs[strings.ToLower(seg)] || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// testFile reports test and fixture file names.
func testFile(base string) bool {
	b := strings.ToLower(base)
	stem := strings.TrimSuffix(b, path.Ext(b))
	switch {
	case strings.HasSuffix(stem, ".test"), strings.HasSuffix(stem, ".spec"), strings.HasSuffix(stem, "_test"),
		strings.HasSuffix(stem, ".e2e"), strings.HasPrefix(stem, "test_"), stem == "conftest", stem == "setup":
		return true
	}
	return strings.HasSuffix(b, ".d.ts")
}

// configScript reports tool configuration written as code (jest.config.js,
// webpack.config.ts, serverless.js, gulpfile.js).
func configScript(base string) bool {
	b := strings.ToLower(base)
	stem := strings.TrimSuffix(b, path.Ext(b))
	if strings.HasSuffix(stem, ".config") {
		return true
	}
	switch stem {
	case "serverless", "gulpfile", "gruntfile", "webpack", "rollup", "babel", "jest", "karma", "vite", "eslint", "prettier", "sst":
		return true
	}
	return false
}
