package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/cfgtree"
)

// toAny converts a tree to what encoding/json decodes with UseNumber.
func toAny(n *cfgtree.Node) any {
	switch n.Kind {
	case cfgtree.Map:
		m := map[string]any{}
		for _, e := range n.Entries {
			m[e.Key] = toAny(e.Value)
		}
		return m
	case cfgtree.Seq:
		out := []any{}
		for _, it := range n.Items {
			out = append(out, toAny(it))
		}
		return out
	case cfgtree.Scalar:
		switch {
		case n.Quoted:
			return n.Value
		case n.Value == "true":
			return true
		case n.Value == "false":
			return false
		}
		return json.Number(n.Value)
	}
	return nil
}

func stdDecode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if len(bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n")) > 0 {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

// normalise makes empty arrays comparable ([]any{} vs nil).
func normalise(v any) any {
	switch t := v.(type) {
	case []any:
		out := []any{}
		for _, x := range t {
			out = append(out, normalise(x))
		}
		return out
	case map[string]any:
		for k, x := range t {
			t[k] = normalise(x)
		}
	}
	return v
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	cases := []string{
		`{}`, `[]`, `"x"`, `0`, `-0.5e+10`, `true`, `null`,
		`{"a": [1, 2, {"b": null}], "c": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}`,
		`{"dup": 1, "dup": 2}`,
		"\ufeff{\"bom\": true}",
		`{"lone": "\ud800x"}`,
		// invalid
		``, `{`, `{"a"}`, `{"a":}`, `[1,]`, `{"a":1,}`, `01`, `1.`, `.5`, `-`, `1e`, `tru`, `"\x"`,
		"\"a\nb\"", `"unterminated`, `{"a":1} x`, `[1 2]`, `{a:1}`, `"\u12"`, `nul`,
	}
	for _, c := range cases {
		got, gotErr := Parse([]byte(c))
		want, wantErr := stdDecode(bytes.TrimPrefix([]byte(c), []byte("\ufeff")))
		if (gotErr != nil) != (wantErr != nil) {
			t.Errorf("%q: Parse error %v, encoding/json error %v", c, gotErr, wantErr)
			continue
		}
		if gotErr == nil {
			if d := cmp.Diff(normalise(want), normalise(toAny(got))); d != "" {
				t.Errorf("%q: (-encoding/json +Parse)\n%s", c, d)
			}
		}
	}
}

func TestParseLines(t *testing.T) {
	src := "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": [\n    \"x\"\n  ]\n}\n"
	n, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n.Entries[0].Line != 2 || n.Path("a", "b").Line != 3 || n.Entries[1].Line != 5 || n.Get("c").Items[0].Line != 6 {
		t.Errorf("wrong lines: %+v", n.Entries)
	}
	_, err = Parse([]byte("{\n  \"a\": 1,\n  \"b\" 2\n}"))
	var ce *cfgtree.Error
	if !errors.As(err, &ce) || ce.Line != 3 {
		t.Errorf("error %v, want one on line 3", err)
	}
}

func TestParseRefusesHostileInput(t *testing.T) {
	for name, data := range map[string][]byte{
		"binary":  {0x7b, 0x00, 0x7d},
		"utf8":    []byte("{\"a\": \"\xff\"}"),
		"deep":    []byte(strings.Repeat("[", MaxDepth+2) + strings.Repeat("]", MaxDepth+2)),
		"deepobj": []byte(strings.Repeat(`{"a":`, MaxDepth+2) + "1" + strings.Repeat("}", MaxDepth+2)),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",{"c":null}]}`, `"\u00e9\ud83d\ude00"`, `[1e5,-0.1,true]`, `{"a":}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := Parse(data)
		if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\ufeff")) || bytes.IndexByte(data, 0) >= 0 {
			return
		}
		want, wantErr := stdDecode(data)
		if wantErr != nil && strings.Contains(wantErr.Error(), "exceeded max depth") {
			return
		}
		if (gotErr != nil) != (wantErr != nil) {
			if gotErr != nil && strings.Contains(gotErr.Error(), "nesting deeper") {
				return
			}
			t.Fatalf("%q: Parse error %v, encoding/json error %v", data, gotErr, wantErr)
		}
		if gotErr == nil {
			if d := cmp.Diff(normalise(want), normalise(toAny(got))); d != "" {
				t.Fatalf("%q: (-encoding/json +Parse)\n%s", data, d)
			}
		}
	})
}
