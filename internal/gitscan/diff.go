package gitscan

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// fileDiff is one file of a patch: a regular diff against one parent, or a
// combined diff of a merge against all its parents.
type fileDiff struct {
	OldPath, Path string
	// NewBlob is the object id of the new version (with --full-index).
	NewBlob string
	// Mode is the file mode of the new version ("100644", "120000" for a
	// symlink, "160000" for a submodule) when git printed it.
	Mode             string
	Binary           bool
	Created, Deleted bool
	// Parents is 1 for a regular diff, the number of parents for a
	// combined diff.
	Parents int
	// Added are the lines of the new version that are new (in a combined
	// diff: new relative to every parent), in order.
	Added []line
	// Removed are the lines the change takes out (regular diffs only).
	Removed [][]byte
	// Truncated is set when the file's lines went over the byte budget;
	// the lines after it were dropped.
	Truncated bool
	kept      int
}

// line is one added line and its 1-based number in the new version. Text
// is nil when the reader keeps numbers only.
type line struct {
	No   int
	Text []byte
}

// hunk is the state of the hunk being read.
type hunk struct {
	newLeft int
	oldLeft []int
	newNo   int
}

func (h *hunk) open() bool {
	if h.newLeft > 0 {
		return true
	}
	for _, n := range h.oldLeft {
		if n > 0 {
			return true
		}
	}
	return false
}

// patchReader parses the patch output of git diff and git log -p as a
// stream: commit headers (lines starting with NUL, from the --format this
// package passes) go to onCommit, each finished file to onFile.
type patchReader struct {
	br *bufio.Reader
	// budget bounds the bytes of added and removed text kept per file.
	budget int
	// keepText keeps line text (history); staged reads keep numbers only.
	keepText bool
	onCommit func(fields [][]byte) error
	onFile   func(*fileDiff) error

	cur  *fileDiff
	h    hunk
	long []byte
}

func newPatchReader(r io.Reader, budget int, keepText bool) *patchReader {
	return &patchReader{br: bufio.NewReaderSize(r, 64<<10), budget: budget, keepText: keepText}
}

// run reads to the end of the stream.
func (p *patchReader) run() error {
	for {
		l, err := p.readLine()
		if len(l) > 0 || err == nil {
			if perr := p.handle(l); perr != nil {
				return perr
			}
		}
		if errors.Is(err, io.EOF) {
			return p.flush()
		}
		if err != nil {
			return err
		}
	}
}

// readLine returns the next line without its newline, cut at maxLine
// bytes. The slice is valid until the next call.
func (p *patchReader) readLine() ([]byte, error) {
	l, err := p.br.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		return bytes.TrimSuffix(l, []byte("\n")), err
	}
	p.long = append(p.long[:0], l...)
	for errors.Is(err, bufio.ErrBufferFull) {
		l, err = p.br.ReadSlice('\n')
		if room := maxLine - len(p.long); room > 0 {
			if len(l) > room {
				l = l[:room]
			}
			p.long = append(p.long, l...)
		}
	}
	return bytes.TrimSuffix(p.long, []byte("\n")), err
}

func (p *patchReader) handle(l []byte) error {
	if p.cur != nil && p.h.open() && p.content(l) {
		return nil
	}
	switch {
	case len(l) > 0 && l[0] == 0:
		if err := p.flush(); err != nil {
			return err
		}
		if p.onCommit != nil {
			return p.onCommit(bytes.Split(l[1:], []byte{0}))
		}
	case bytes.HasPrefix(l, []byte("diff --git ")):
		if err := p.flush(); err != nil {
			return err
		}
		a, b := splitGitHeader(string(l[len("diff --git "):]))
		p.cur = &fileDiff{OldPath: a, Path: b, Parents: 1}
	case bytes.HasPrefix(l, []byte("diff --cc ")) || bytes.HasPrefix(l, []byte("diff --combined ")):
		if err := p.flush(); err != nil {
			return err
		}
		_, rest, _ := bytes.Cut(l[len("diff --"):], []byte(" "))
		name := unquote(string(rest))
		p.cur = &fileDiff{OldPath: name, Path: name, Parents: 2}
	case p.cur != nil:
		p.header(l)
	}
	return nil
}

// header reads the extended header and hunk header lines of a file.
func (p *patchReader) header(l []byte) {
	s := string(l)
	f := p.cur
	switch {
	case strings.HasPrefix(s, "@@"):
		p.openHunk(s)
	case strings.HasPrefix(s, "rename from "):
		f.OldPath = unquote(s[len("rename from "):])
	case strings.HasPrefix(s, "copy from "):
		f.OldPath = unquote(s[len("copy from "):])
	case strings.HasPrefix(s, "rename to "):
		f.Path = unquote(s[len("rename to "):])
	case strings.HasPrefix(s, "copy to "):
		f.Path = unquote(s[len("copy to "):])
	case strings.HasPrefix(s, "new file mode "):
		f.Created, f.Mode = true, strings.TrimSpace(s[len("new file mode "):])
	case strings.HasPrefix(s, "deleted file mode "):
		f.Deleted = true
	case strings.HasPrefix(s, "new mode "):
		f.Mode = strings.TrimSpace(s[len("new mode "):])
	case strings.HasPrefix(s, "index "):
		fields := strings.Fields(s[len("index "):])
		if len(fields) > 0 {
			if _, nb, ok := strings.Cut(fields[0], ".."); ok {
				f.NewBlob = nb
			}
		}
		if len(fields) > 1 && f.Mode == "" {
			f.Mode = fields[1]
		}
	case strings.HasPrefix(s, "Binary files ") || s == "GIT binary patch":
		f.Binary = true
	case strings.HasPrefix(s, "+++ "):
		name := unquote(s[4:])
		if name == "/dev/null" {
			f.Deleted = true
		} else {
			f.Path = strings.TrimPrefix(name, "b/")
		}
	}
}

// openHunk reads "@@ -a,b +c,d @@" or, for a merge of n parents, n+1 "@"
// and n "-" ranges.
func (p *patchReader) openHunk(s string) {
	k := 0
	for k < len(s) && s[k] == '@' {
		k++
	}
	closing := s[:k]
	p.h = hunk{}
	for _, field := range strings.Fields(s[k:]) {
		if field == closing {
			break
		}
		start, count := parseRange(field[1:])
		switch field[0] {
		case '-':
			p.h.oldLeft = append(p.h.oldLeft, count)
		case '+':
			p.h.newNo, p.h.newLeft = start, count
		}
	}
	p.cur.Parents = max(1, len(p.h.oldLeft))
}

// parseRange reads "start,count" or "start" (count 1).
func parseRange(s string) (start, count int) {
	a, b, ok := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	start = max(start, 0)
	count = 1
	if ok {
		count, _ = strconv.Atoi(b)
		count = max(count, 0)
	}
	return start, count
}

// content reads one line of a hunk; false when the line is not hunk
// content (a malformed patch), which closes the hunk.
func (p *patchReader) content(l []byte) bool {
	n := p.cur.Parents
	if len(l) > 0 && l[0] == '\\' {
		return true // "\ No newline at end of file"
	}
	cols := l
	if len(cols) > n {
		cols = l[:n]
	}
	inNew, added := true, len(cols) == n
	for i := 0; i < n; i++ {
		c := byte(' ')
		if i < len(cols) {
			c = cols[i]
		}
		switch c {
		case '+':
		case '-':
			inNew, added = false, false
		case ' ':
			added = false
		default:
			p.h = hunk{}
			return false
		}
	}
	text := l[len(cols):]
	switch {
	case added:
		p.keepAdded(text)
	case !inNew && n == 1:
		p.keepRemoved(text)
	}
	if inNew {
		p.h.newNo++
		p.h.newLeft--
	}
	for i := 0; i < n && i < len(p.h.oldLeft); i++ {
		if i >= len(cols) || cols[i] != '+' {
			p.h.oldLeft[i]--
		}
	}
	return true
}

func (p *patchReader) keepAdded(text []byte) {
	f := p.cur
	if !p.keepText {
		f.Added = append(f.Added, line{No: p.h.newNo})
		return
	}
	if f.kept+len(text) > p.budget {
		f.Truncated = true
		return
	}
	f.kept += len(text) + 1
	f.Added = append(f.Added, line{No: p.h.newNo, Text: append([]byte(nil), text...)})
}

func (p *patchReader) keepRemoved(text []byte) {
	f := p.cur
	if !p.keepText {
		return
	}
	if f.kept+len(text) > p.budget {
		f.Truncated = true
		return
	}
	f.kept += len(text) + 1
	f.Removed = append(f.Removed, append([]byte(nil), text...))
}

func (p *patchReader) flush() error {
	f := p.cur
	p.cur, p.h = nil, hunk{}
	if f == nil || p.onFile == nil {
		return nil
	}
	return p.onFile(f)
}

// splitGitHeader splits the "a/X b/Y" of a "diff --git" line. Names with
// spaces are ambiguous there; when both names are equal (no rename) the
// line splits in the middle, otherwise the rename lines or the "+++" line
// that follow give the names.
func splitGitHeader(s string) (string, string) {
	if strings.HasPrefix(s, `"`) {
		a, rest := cutQuoted(s)
		return strings.TrimPrefix(a, "a/"), strings.TrimPrefix(unquote(strings.TrimSpace(rest)), "b/")
	}
	if n := (len(s) - 5) / 2; n > 0 && len(s) == 2*n+5 && strings.HasPrefix(s, "a/") && s[2+n:5+n] == " b/" && s[2:2+n] == s[5+n:] {
		return s[2 : 2+n], s[5+n:]
	}
	if i := strings.LastIndex(s, " b/"); i >= 0 {
		return strings.TrimPrefix(s[:i], "a/"), s[i+3:]
	}
	return s, s
}

// unquote undoes git's C-style quoting of unusual path names ("a\tb",
// octal escapes for bytes above 0x7f when core.quotePath is on).
func unquote(s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	q, _ := cutQuoted(s)
	return q
}

// cutQuoted reads a quoted name at the start of s and returns it and the
// rest of s.
func cutQuoted(s string) (string, string) {
	var b strings.Builder
	i := 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), s[i+1:]
		case c == '\\' && i+1 < len(s):
			i++
			if n, ok := octal(s[i:]); ok {
				b.WriteByte(n)
				i += 3
				continue
			}
			b.WriteByte(unescape(s[i]))
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String(), ""
}

func octal(s string) (byte, bool) {
	if len(s) < 3 {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s[:3]) {
		if c < '0' || c > '7' {
			return 0, false
		}
		n = n*8 + int(c-'0')
	}
	return byte(n), n < 256
}

func unescape(c byte) byte {
	switch c {
	case 'a':
		return '\a'
	case 'b':
		return '\b'
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'v':
		return '\v'
	case 'f':
		return '\f'
	case 'r':
		return '\r'
	}
	return c
}
