package secrets

import (
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/finding"
)

// Finding builds the finding of a match in file when there is no function
// map (the pre-commit and history modes read git, not a project): the
// rule's documentation, the severity for where the file sits (test
// material is low), the redacted evidence and a message. Key is the rule
// and the secret's fingerprint, as in a scan, so baselines and ignores by
// fingerprint match across modes. Callers may replace the message to say
// where in git the secret is.
func Finding(file string, m engine.Match) finding.Finding {
	return newAttribution(&detect.Input{}).finding(file, m)
}
