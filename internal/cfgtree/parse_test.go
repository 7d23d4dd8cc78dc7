package cfgtree

import (
	"errors"
	"strings"
	"testing"
)

func TestParseKeepsLinesTagsAndMerges(t *testing.T) {
	src := `base: &base
  runtime: nodejs18.x
  memory: 128
fn:
  <<: *base
  memory: 256
  role: !GetAtt Role.Arn
  quoted: "1"
list: [a, b]
`
	n, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fn := n.Get("fn")
	if got := fn.Get("runtime").Str(); got != "nodejs18.x" {
		t.Errorf("merged runtime = %q", got)
	}
	if v, _ := fn.Get("memory").Int(); v != 256 {
		t.Errorf("own key must win over merge: memory = %d", v)
	}
	role := fn.Get("role")
	if role.Tag != "!GetAtt" || role.Value != "Role.Arn" || role.Line != 7 {
		t.Errorf("role = %+v", role)
	}
	if !fn.Get("quoted").Quoted {
		t.Error("quoted scalar lost its quoting")
	}
	if got := n.Get("list").Strings(); strings.Join(got, ",") != "a,b" {
		t.Errorf("list = %v", got)
	}
}

func TestParseJSONLines(t *testing.T) {
	n, err := Parse([]byte("{\n  \"a\": {\n    \"b\": \"x\"\n  }\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if b := n.Path("a", "b"); b.Str() != "x" || b.Line != 3 {
		t.Errorf("b = %+v", b)
	}
}

func TestParseRejectsHostileInput(t *testing.T) {
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
`
	cases := []struct {
		name, src, want string
	}{
		{"alias bomb", bomb, "too large"},
		{"invalid utf8", "a: \xff\xfe\n", "UTF-8"},
		{"binary", "a: b\x00c\n", "binary"},
		{"broken yaml", "a: [b\nc: d\n", "line"},
		{"deep nesting", strings.Repeat("[", 300) + strings.Repeat("]", 300), "nested"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.src))
			var pe *Error
			if err == nil || !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %q, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	n, err := Parse(nil)
	if err != nil || n.Kind != Null {
		t.Fatalf("n=%+v err=%v", n, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: 1", "{\"a\": [1,2]}", "x: !Ref y", "a: &a [1]\nb: *a", "<<: {a: 1}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := ParseWithLimits(b, Limits{MaxNodes: 10000, MaxDepth: 64})
		if err == nil && n == nil {
			t.Fatal("nil node without error")
		}
	})
}
