package yarnlock

import (
	"context"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

func parseString(t *testing.T, files map[string]string) (*deps.Lockfile, error) {
	t.Helper()
	dir := t.TempDir()
	npmtest.WriteFiles(t, dir, files)
	tree := npmtest.Tree(t, dir, walk.Options{})
	return New().Parse(context.Background(), tree, "yarn.lock")
}

// Bad input is an error naming the file and line, never a panic.
func TestBadInput(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"unterminated", "\"a@^1:\n  version \"1.0.0\n", "yarn.lock: line 1: unterminated string"},
		{"indentation", "a@^1:\n  version \"1.0.0\"\n resolved \"x\"\n", "yarn.lock: line 3: inconsistent indentation"},
		{"no value", "a@^1:\n  version\n", "yarn.lock: line 2: \"version\" has no value"},
		{"tabs", "a@^1:\n\tversion \"1\"\n", "line 2"},
		{"trailing", "a@^1:\n  version \"1\" x\n", "line 2: unexpected text"},
		{"keys", "a@^1 b@^2:\n  version \"1\"\n", "line 1: expected ','"},
		{"binary", "a@^1:\x00", "binary"},
		{"utf8", "a@^1:\n  version \"\xff\"\n", "UTF-8"},
		{"berry broken", "__metadata:\n  version: 6\n\"a@npm:1\":\n  version: [\n", "yarn.lock: line"},
		{"berry list", "__metadata:\n  version: 6\n---\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := parseString(t, map[string]string{"yarn.lock": c.data})
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if err := npmtest.Check(l); err != nil {
				t.Error(err)
			}
		})
	}
}

// Without a package.json the packages nothing depends on are the roots,
// with unknown scope, and a warning says so; a missing dependency is a
// warning and its edge is dropped.
func TestWithoutManifest(t *testing.T) {
	l, err := parseString(t, map[string]string{"yarn.lock": "# yarn lockfile v1\n\n" +
		"express@^4.16.0:\n  version \"4.16.0\"\n  dependencies:\n    qs \"6.5.1\"\n    ghost \"^1.0.0\"\n\n" +
		"qs@6.5.1:\n  version \"6.5.1\"\n"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(l.Roots, ","); got != "express@4.16.0" {
		t.Errorf("roots %s", got)
	}
	if len(l.Warnings) != 2 || !strings.Contains(l.Warnings[0], "no package.json") || !strings.Contains(l.Warnings[1], "express@4.16.0 > ghost@^1.0.0") {
		t.Errorf("warnings %q", l.Warnings)
	}
	for _, p := range l.Packages {
		if p.Scope != deps.Unknown {
			t.Errorf("%s: scope %s", p.ID, p.Scope)
		}
	}
}

// Quoted keys and values use JSON escapes; comments and blank lines are
// skipped; a nested block's items keep their lines.
func TestV1Syntax(t *testing.T) {
	b, err := parseV1([]byte("# c\n\n\"@s/a@^1\", \"@s/a@~1.2\":\n  version \"1.2.3\"\n  resolved \"https://r/a-1.2.3.tgz#\\u0061\"\n  dependencies:\n    b \"^2\"\n    \"@s/c\" \"npm:d@1\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	it := b.items[0]
	if strings.Join(it.keys, "|") != "@s/a@^1|@s/a@~1.2" || it.line != 3 {
		t.Fatalf("entry %+v", it)
	}
	if r, _ := it.sub.get("resolved"); r.value != "https://r/a-1.2.3.tgz#a" {
		t.Errorf("resolved %q", r.value)
	}
	d, _ := it.sub.get("dependencies")
	if len(d.sub.items) != 2 || d.sub.items[1].keys[0] != "@s/c" || d.sub.items[1].value != "npm:d@1" || d.sub.items[1].line != 8 {
		t.Errorf("dependencies %+v", d.sub)
	}
}

func TestFileRequired(t *testing.T) {
	for p, want := range map[string]bool{"yarn.lock": true, "a/yarn.lock": true, "fn.zip!/yarn.lock": true, "node_modules/x/yarn.lock": false, "yarn.lock.bak": false} {
		if New().FileRequired(p) != want {
			t.Errorf("FileRequired(%q) != %v", p, want)
		}
	}
}
