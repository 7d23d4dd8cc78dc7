package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestWriteUnknownFormat(t *testing.T) {
	for _, format := range []string{"", "xml", "JSON", "html"} {
		var buf bytes.Buffer
		err := Write(&buf, format, sampleReport(), Options{})
		if !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Write(%q) error = %v, want ErrUnknownFormat", format, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Write(%q) wrote %d bytes", format, buf.Len())
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritePropagatesWriteErrors(t *testing.T) {
	for _, format := range Formats {
		err := Write(failWriter{}, format, sampleReport(), Options{})
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("Write(%s) to a failing writer: %v", format, err)
		}
	}
}

func TestWriteNilReport(t *testing.T) {
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, nil, Options{}); err != nil {
			t.Errorf("Write(%s, nil): %v", format, err)
		}
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	once := render(t, FormatJSON, Normalize(sampleReport()), Options{})
	direct := render(t, FormatJSON, sampleReport(), Options{})
	if !bytes.Equal(once, direct) {
		t.Error("rendering a normalised report differs from rendering the original")
	}
}

func TestTableColorOnlyWhenAsked(t *testing.T) {
	plain := string(render(t, FormatTable, sampleReport(), Options{}))
	if strings.Contains(plain, "\x1b") {
		t.Error("table without Color contains escape sequences")
	}
	color := string(render(t, FormatTable, sampleReport(), Options{Color: true}))
	if !strings.Contains(color, ansiBoldMg+"CRITICAL"+ansiReset) {
		t.Error("coloured table lacks a coloured severity")
	}
}

func TestTableWidth(t *testing.T) {
	for _, width := range []int{0, 60, 100, 140} {
		out := string(render(t, FormatTable, sampleReport(), Options{Width: width}))
		limit := width
		if limit == 0 {
			limit = DefaultWidth
		}
		for _, l := range strings.Split(out, "\n") {
			// A single unbreakable word may overflow; the sample has none
			// longer than 60 columns with its indent.
			if n := len([]rune(l)); n > limit {
				t.Errorf("width %d: line of %d runes: %q", width, n, l)
			}
		}
	}
}

func TestTableNeutralisesControlCharacters(t *testing.T) {
	r := sampleReport()
	r.Findings[0].Message = "line one\x1b[2J\rline two\x07"
	r.Findings[0].Evidence = "eval(\x1b]0;pwned\x07)"
	r.Project.Functions[0].ID = "shop/\x1b[31mred"
	out := string(render(t, FormatTable, r, Options{}))
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Errorf("control characters reached the table:\n%q", out)
	}
	if !strings.Contains(out, `\x1b[2J`) {
		t.Errorf("escape sequence not shown as text")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"one two three", 20, []string{"> one two three"}},
		{"one two three", 9, []string{"> one two", "  three"}},
		{"averyveryverylongword x", 9, []string{"> averyveryverylongword", "  x"}},
		{"a\nb", 20, []string{"> a", "  b"}},
		{"", 20, []string{">"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width, "> ", 2)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func FuzzWriters(f *testing.F) {
	f.Add("Title | `x`", "message\nwith lines", "src/a b.js", "eval(x)", "sk_live_0123456789abcdef")
	f.Add("\x1b[31m", "\xff\xfe", "a.zip!/b.js", "", "")
	f.Fuzz(func(t *testing.T, title, message, file, evidence, envValue string) {
		r := sampleReport()
		r.Findings[0].Title, r.Findings[0].Message = title, message
		r.Findings[0].File, r.Findings[0].Evidence = file, evidence
		r.Project.Functions[0].Environment[0].Value = envValue
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, format, r, Options{}); err != nil {
				t.Fatalf("Write(%s): %v", format, err)
			}
			if format == FormatJSON {
				if err := ValidateJSON(buf.Bytes()); err != nil {
					t.Fatalf("JSON output invalid: %v", err)
				}
			}
			if format == FormatTable && strings.ContainsRune(buf.String(), '\x1b') {
				t.Fatalf("escape character in the table")
			}
		}
	})
}
