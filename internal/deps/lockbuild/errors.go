package lockbuild

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/cladsec/clad/internal/walk"
)

// Error is a failure to read a dependency file, with the line it happened
// on when known.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error for file at line (0 when unknown).
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}

// Wrap attaches file and line to err, keeping a line err already carries.
func Wrap(file string, line int, err error) error {
	var le interface{ LineNumber() int }
	if line == 0 && errors.As(err, &le) {
		line = le.LineNumber()
	}
	return &Error{File: file, Line: line, Err: err}
}

// ErrBinary is returned for files that are not text.
var ErrBinary = errors.New("not a text file (binary content or invalid UTF-8)")

// CheckText refuses binary content: a NUL byte or invalid UTF-8.
func CheckText(file string, data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return &Error{File: file, Err: ErrBinary}
	}
	return nil
}

// ReadText reads file from the tree (bounded by the walker's size limit)
// and checks that it is text. A UTF-8 byte order mark is dropped.
func ReadText(tree *walk.Tree, file string) ([]byte, error) {
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil, &Error{File: file, Err: fmt.Errorf("cannot read: %w", err)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := CheckText(file, data); err != nil {
		return nil, err
	}
	return data, nil
}
