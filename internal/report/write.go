package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Output formats accepted by Write.
const (
	FormatJSON     = "json"
	FormatTable    = "table"
	FormatSARIF    = "sarif"
	FormatMarkdown = "markdown"
)

// Formats lists the formats Write accepts, for flag help.
var Formats = []string{FormatTable, FormatJSON, FormatSARIF, FormatMarkdown}

// ErrUnknownFormat is returned (wrapped) by Write for a format it does not
// know; the CLI treats it as a usage error.
var ErrUnknownFormat = errors.New("unknown report format")

// Options tune the formats that have options; formats ignore the options
// that do not apply to them.
type Options struct {
	// Color turns on ANSI colours in the table format.
	Color bool
	// Width is the table width; 0 means DefaultWidth.
	Width int
	// Quiet leaves the function map out of the table format.
	Quiet bool
}

// Write renders r in the named format: json, table, sarif or markdown.
// Every format renders a normalised, redacted copy of r (see Normalize).
func Write(w io.Writer, format string, r *Report, opts Options) error {
	switch format {
	case FormatJSON:
		return WriteJSON(w, r)
	case FormatTable:
		return WriteTable(w, r, TableOptions{Color: opts.Color, Width: opts.Width, Quiet: opts.Quiet})
	case FormatSARIF:
		return WriteSARIF(w, r)
	case FormatMarkdown:
		return WriteMarkdown(w, r)
	}
	return fmt.Errorf("%w %q (want %s)", ErrUnknownFormat, format, strings.Join(Formats, ", "))
}
