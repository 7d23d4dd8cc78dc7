package finding

// Rule is a documented check. Every rule a detector can report is listed in
// its detector's Rules() and validated by the registry test.
type Rule struct {
	ID       string   `json:"id"`
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	CWE      []string `json:"cwe,omitempty"`
	// Why is a one-line reason; Doc the full explanation.
	Why string `json:"why"`
	Doc string `json:"doc,omitempty"`
	Fix string `json:"fix"`
	// Bad and Good are short examples: one the rule reports, one it does not.
	Bad  string `json:"bad,omitempty"`
	Good string `json:"good,omitempty"`
	// Exposure marks rules whose risk grows with who can reach the function:
	// the scan raises such a finding one severity step when a function it
	// endangers can be invoked anonymously (Function.Public).
	Exposure bool `json:"exposure,omitempty"`
}

// New builds a finding from the rule's metadata; the caller fills location,
// message, functions and evidence.
func (r Rule) New() Finding {
	return Finding{
		Rule: r.ID, Category: r.Category, Severity: r.Severity, Title: r.Title,
		Fix: r.Fix, CWE: append([]string(nil), r.CWE...),
	}
}
