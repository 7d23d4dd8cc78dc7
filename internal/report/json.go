package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes the canonical JSON report: normalised and redacted (see
// Normalize), indented by two spaces, HTML characters left as they are,
// ending with a newline.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Normalize(r)); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
