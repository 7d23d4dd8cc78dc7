package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"unicode/utf8"
)

// Confidence says how sure the engine is that a match is a live secret.
type Confidence int

// Confidence levels.
const (
	Low Confidence = iota + 1
	Medium
	High
)

// String returns the lower-case name.
func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return fmt.Sprintf("confidence(%d)", int(c))
}

// Match is one secret found in a file. The secret itself is unexported and
// Match formats itself redacted, so printing a Match (%v, %+v, %#v, %s)
// never shows it; Secret returns it for the rare caller that must use it
// (verification, comparison with an environment value).
type Match struct {
	// Rule is the rule ID (data/aws-access-key, data/hardcoded-secret…).
	Rule string
	// Start and End are byte offsets of the secret (of the encoded blob
	// when Encoding is set).
	Start, End int
	// Line and Column are 1-based (the column counts bytes); EndLine is the
	// line of the last byte.
	Line, Column, EndLine int
	// Key is the name the secret is assigned to when known (DB_PASSWORD).
	Key string
	// Confidence and Why explain how the match was recognised.
	Confidence Confidence
	Why        string
	// Encoding is "base64" or "hex" when the secret was found by decoding
	// the text at Start:End.
	Encoding string
	// Partner is the other half of a pair (an AWS secret access key found
	// next to its access key id), or nil.
	Partner *Match

	secret string
}

// Secret returns the secret in clear. Never print or log it.
func (m Match) Secret() string { return m.secret }

// Redacted shows the first characters of the secret and its length, as in
// "sk_l…(107 chars)". Short secrets show fewer characters (a third of them
// at most), so the redacted form never gives most of a secret away.
func (m Match) Redacted() string { return Redact(m.secret) }

// Redact is the redaction Match uses, for callers holding a value.
func Redact(s string) string {
	n := utf8.RuneCountInString(s)
	show := 4
	if n/3 < show {
		show = n / 3
	}
	prefix := []rune(s)[:show]
	return fmt.Sprintf("%s…(%d chars)", string(prefix), n)
}

// Fingerprint identifies the secret without revealing it: the hex SHA-256
// of the rule ID and the secret. Baselines store it.
func (m Match) Fingerprint() string { return Fingerprint(m.Rule, m.secret) }

// Fingerprint is the fingerprint of secret under rule.
func Fingerprint(rule, secret string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + secret))
	return hex.EncodeToString(h[:])
}

// String describes the match without the secret.
func (m Match) String() string {
	s := fmt.Sprintf("%s at %d:%d %s", m.Rule, m.Line, m.Column, m.Redacted())
	if m.Key != "" {
		s += " (" + m.Key + ")"
	}
	if m.Partner != nil {
		s += " with " + m.Partner.String()
	}
	return s
}

// GoString keeps %#v redacted too.
func (m Match) GoString() string { return "engine.Match{" + m.String() + "}" }

// Format implements fmt.Formatter: every verb prints String, so no format
// string can reach the unexported secret.
func (m Match) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, m.GoString())
		return
	}
	fmt.Fprint(f, m.String())
}
