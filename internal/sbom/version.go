package sbom

import "strings"

// compareVersions orders two version strings for display: runs of digits
// compare as numbers, everything else as text. It is no ecosystem's
// version semantics, only a stable order a reader expects (4.9 < 4.10).
func compareVersions(a, b string) int {
	for a != "" && b != "" {
		ra, restA := chunk(a)
		rb, restB := chunk(b)
		if c := compareChunk(ra, rb); c != 0 {
			return c
		}
		a, b = restA, restB
	}
	switch {
	case a == b:
		return 0
	case a == "":
		return -1
	}
	return 1
}

// chunk splits off the leading run of digits or of non-digits.
func chunk(s string) (string, string) {
	digit := isDigit(s[0])
	i := 1
	for i < len(s) && isDigit(s[i]) == digit {
		i++
	}
	return s[:i], s[i:]
}

func compareChunk(a, b string) int {
	if isDigit(a[0]) && isDigit(b[0]) {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if len(a) != len(b) {
			if len(a) < len(b) {
				return -1
			}
			return 1
		}
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
