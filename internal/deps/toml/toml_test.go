package toml

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]any
	}{
		{"empty", "", map[string]any{}},
		{"comments only", "# a\n\n  # b\r\n", map[string]any{}},
		{"strings", `a = "x\ty\u00e9\U0001F600\"\\"` + "\nb = 'C:\\path'\n", map[string]any{"a": "x\tyé😀\"\\", "b": `C:\path`}},
		{"multi-line basic", "s = \"\"\"\nline1\nline2 \\\n   cont\"\"\"\n", map[string]any{"s": "line1\nline2 cont"}},
		{"multi-line quotes at end", `s = """a""""` + "\n", map[string]any{"s": `a"`}},
		{"multi-line literal", "s = '''\nraw \\n\n'''\n", map[string]any{"s": "raw \\n\n"}},
		{"crlf multi-line", "s = \"\"\"\r\na\r\nb\"\"\"\r\n", map[string]any{"s": "a\nb"}},
		{"integers", "a = 42\nb = -17\nc = 1_000\nd = 0xDEAD_beef\ne = 0o755\nf = 0b1010\ng = +0\n",
			map[string]any{"a": int64(42), "b": int64(-17), "c": int64(1000), "d": int64(0xdeadbeef), "e": int64(0o755), "f": int64(10), "g": int64(0)}},
		{"floats", "a = 3.14\nb = -1e3\nc = 6.626e-34\nd = 1_000.5\n",
			map[string]any{"a": 3.14, "b": -1000.0, "c": 6.626e-34, "d": 1000.5}},
		{"booleans", "t = true\nf = false\n", map[string]any{"t": true, "f": false}},
		{"datetimes", "a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00.999-07:00\nc = 1979-05-27\nd = 07:32:00\ne = 1979-05-27T07:32:00\n",
			map[string]any{"a": "1979-05-27T07:32:00Z", "b": "1979-05-27 07:32:00.999-07:00", "c": "1979-05-27", "d": "07:32:00", "e": "1979-05-27T07:32:00"}},
		{"arrays", "a = [1, 2, 3,]\nb = [\n  \"x\", # comment\n  'y'\n]\nc = [[1], ['a']]\nd = []\n",
			map[string]any{"a": []any{int64(1), int64(2), int64(3)}, "b": []any{"x", "y"}, "c": []any{[]any{int64(1)}, []any{"a"}}, "d": []any{}}},
		{"inline tables", "p = { name = \"a\", v = { x = 1 }, d.e = 2 }\nq = {}\n",
			map[string]any{"p": map[string]any{"name": "a", "v": map[string]any{"x": int64(1)}, "d": map[string]any{"e": int64(2)}}, "q": map[string]any{}}},
		{"inline table over lines (TOML 1.1)", "p = {\n  a = 1,\n  b = 2,\n}\n", map[string]any{"p": map[string]any{"a": int64(1), "b": int64(2)}}},
		{"keys", "bare-key_1 = 1\n\"quoted key\" = 2\n'lit' = 3\na . b . c = 4\n1234 = 5\n",
			map[string]any{"bare-key_1": int64(1), "quoted key": int64(2), "lit": int64(3), "a": map[string]any{"b": map[string]any{"c": int64(4)}}, "1234": int64(5)}},
		{"tables", "[a]\nx = 1\n[a.b]\ny = 2\n[c . \"d.e\"]\nz = 3\n",
			map[string]any{"a": map[string]any{"x": int64(1), "b": map[string]any{"y": int64(2)}}, "c": map[string]any{"d.e": map[string]any{"z": int64(3)}}}},
		{"implicit then explicit", "[x.y]\na = 1\n[x]\nb = 2\n", map[string]any{"x": map[string]any{"b": int64(2), "y": map[string]any{"a": int64(1)}}}},
		{"array of tables", "[[p]]\nn = 1\n[p.sub]\nk = 'a'\n[[p]]\nn = 2\n[[p.deps]]\nd = 1\n",
			map[string]any{"p": []any{
				map[string]any{"n": int64(1), "sub": map[string]any{"k": "a"}},
				map[string]any{"n": int64(2), "deps": []any{map[string]any{"d": int64(1)}}},
			}}},
		{"dotted keys in a table", "[t]\na.b = 1\na.c = 2\n", map[string]any{"t": map[string]any{"a": map[string]any{"b": int64(1), "c": int64(2)}}}},
		{"no trailing newline", "a = 1", map[string]any{"a": int64(1)}},
		{"special floats", "a = inf\nb = -inf\n", map[string]any{"a": math.Inf(1), "b": math.Inf(-1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, got.Interface()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNaN(t *testing.T) {
	got, err := Parse([]byte("n = nan\nm = +nan\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"n", "m"} {
		if v := got.Get(k); v.Kind != Float || !math.IsNaN(v.Float) {
			t.Errorf("%s = %+v, want NaN", k, v)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"duplicate key", "a = 1\na = 2\n", 2, "defined twice"},
		{"duplicate table", "[a]\n[a]\n", 2, "defined twice"},
		{"table over value", "a = 1\n[a]\n", 2, "defined twice"},
		{"aot over array", "a = [1]\n[[a]]\n", 2, "conflicts"},
		{"table over aot member key", "[[a]]\nb = 1\n[a.b]\n", 3, "defined twice"},
		{"dotted over value", "a = 1\na.b = 2\n", 2, "already defined"},
		{"header over dotted", "a.b = 1\n[a]\n", 2, "defined twice"},
		{"extend inline table", "a = {b = 1}\n[a.c]\n", 2, "already defined"},
		{"extend inline by dotted", "a = {b = 1}\na.c = 2\n", 2, "already defined"},
		{"missing equals", "a 1\n", 1, "expected '='"},
		{"missing value", "a =\n", 1, "invalid value"},
		{"eof value", "a =", 1, "end of the file"},
		{"two values", "a = 1 2\n", 1, "after value"},
		{"unclosed string", "a = \"abc\n", 1, "newline in a single-line string"},
		{"unclosed multi", "a = \"\"\"abc\n\n", 1, "not closed"},
		{"bad escape", `a = "\q"` + "\n", 1, "invalid escape"},
		{"surrogate escape", `a = "\uD800"` + "\n", 1, "not a Unicode scalar"},
		{"leading zero", "a = 012\n", 1, "invalid number"},
		{"bad underscore", "a = 1__2\n", 1, "invalid number"},
		{"trailing underscore", "a = 12_\n", 1, "invalid number"},
		{"bad float", "a = 1.\n", 1, "invalid number"},
		{"overflow", "a = 99999999999999999999\n", 1, "invalid number"},
		{"bad date", "a = 2021-02-30\n", 1, "invalid date-time"},
		{"bad bool", "a = truex\n", 1, "invalid value"},
		{"unclosed array", "a = [1, 2\n", 1, "array not closed"},
		{"array missing comma", "a = [1 2]\n", 1, "expected ','"},
		{"unclosed inline", "a = {b = 1\n", 1, "inline table not closed"},
		{"unclosed header", "[a\n", 1, "not closed"},
		{"empty key", "= 1\n", 1, "expected a key"},
		{"lone cr", "a = 1\r", 1, "carriage return"},
		{"control char", "a = \"\x01\"\n", 1, "control character"},
		{"control char in comment", "# \x01\n", 1, "control character"},
		{"invalid utf8", "a = \"\xff\"\n", 0, "UTF-8"},
		{"multi-line key", "\"\"\"a\"\"\" = 1\n", 1, "cannot be keys"},
		{"too many quotes", "a = \"\"\"x\"\"\"\"\"\"\n", 1, "too many quotes"},
		{"line number counts multi-line strings", "a = '''\n\n\n'''\nb = @\n", 5, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatal("Parse succeeded, want error")
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			if e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %v, want line %d containing %q", err, tt.line, tt.msg)
			}
		})
	}
}

func TestDepthLimit(t *testing.T) {
	deep := "a = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + "\n"
	if _, err := Parse([]byte(deep)); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep arrays: got %v, want a nesting error", err)
	}
	ok := "a = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n"
	if _, err := Parse([]byte(ok)); err != nil {
		t.Errorf("arrays at the limit: %v", err)
	}
}

func TestLinesAndAccessors(t *testing.T) {
	doc := "# lock\n[[package]]\nname = \"a\"\ndeps = [\"x\", \"y\"]\n\n[[package]]\nname = \"b\"\n[package.meta]\nk = { v = 'w' }\n"
	root, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := root.Tables("package")
	if len(pkgs) != 2 {
		t.Fatalf("got %d packages", len(pkgs))
	}
	if pkgs[0].Line != 2 || pkgs[1].Line != 6 {
		t.Errorf("lines %d, %d; want 2, 6", pkgs[0].Line, pkgs[1].Line)
	}
	if got := pkgs[0].Get("deps").Strings(); !cmp.Equal(got, []string{"x", "y"}) {
		t.Errorf("deps = %v", got)
	}
	if got := pkgs[0].Get("deps").Line; got != 4 {
		t.Errorf("deps line %d, want 4", got)
	}
	if got := pkgs[1].Path("meta", "k").String("v"); got != "w" {
		t.Errorf("meta.k.v = %q", got)
	}
	if pkgs[1].Path("meta", "nope") != nil || root.Table("package") != nil || root.String("package") != "" {
		t.Error("accessors on missing or mistyped keys should be empty")
	}
	if got := pkgs[0].Keys; !cmp.Equal(got, []string{"name", "deps"}) {
		t.Errorf("keys %v", got)
	}
	var nilTable *Table
	if nilTable.Get("x") != nil || nilTable.Tables("x") != nil {
		t.Error("nil table accessors")
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"a = 1\n[b]\nc = 'd'\n[[e]]\nf = [1, {g = 2}]\n",
		"s = \"\"\"\nx\\\n y\"\"\"\nt = '''z'''\n",
		"d = 1979-05-27T07:32:00Z\nf = -1.5e3\nh = 0xff\n",
		"[[package]]\nname = \"x\"\ndependencies = [\n { name = \"y\", marker = \"python_version < '3.8'\" },\n]\n",
		"a.b.c = 1\n[a.d]\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := Parse(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		_ = root.Interface()
	})
}
