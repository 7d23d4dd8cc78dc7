package engine

// charset is a byte class: a 256-entry membership table.
type charset [256]bool

func newCharset(groups ...string) *charset {
	var c charset
	for _, g := range groups {
		for i := 0; i < len(g); i++ {
			c[g[i]] = true
		}
	}
	return &c
}

const (
	digits  = "0123456789"
	lowers  = "abcdefghijklmnopqrstuvwxyz"
	uppers  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowHex  = "0123456789abcdef"
	allHex  = "0123456789abcdefABCDEF"
	base32U = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

var (
	csAlnum     = newCharset(digits, lowers, uppers)
	csB64       = newCharset(digits, lowers, uppers, "+/")
	csB64Pad    = newCharset(digits, lowers, uppers, "+/=")
	csB64URL    = newCharset(digits, lowers, uppers, "-_")
	csB64Any    = newCharset(digits, lowers, uppers, "+/=-_")
	csToken     = newCharset(digits, lowers, uppers, "-_.")
	csLowHex    = newCharset(lowHex)
	csHex       = newCharset(allHex)
	csDigits    = newCharset(digits)
	csBase32U   = newCharset(base32U)
	csIdent     = newCharset(digits, lowers, uppers, "_-.$")
	csSpace     = newCharset(" \t")
	csQuote     = newCharset("\"'`")
	csNonValue  = newCharset(" \t\r\n\"'`<>;&,)(]}[{")
	csTypeName  = newCharset(digits, lowers, uppers, "_.[]<>|")
	csNumeric   = newCharset(digits, ".-:/_ +")
	csB64AnyPad = newCharset(digits, lowers, uppers, "-_+/=")
	csURLPath   = newCharset(digits, lowers, uppers, "/_-")
	csHost      = newCharset(lowers, digits, ".-")
	csLowAlnum  = newCharset(digits, lowers)
	csHostPort  = newCharset(digits, lowers, uppers, "-._[]:")
)

func (c *charset) has(b byte) bool { return c[b] }

// runEnd returns the end of the run of bytes in c that starts at i, reading
// at most limit bytes.
func runEnd(data []byte, i int, c *charset, limit int) int {
	end := i + limit
	if end > len(data) {
		end = len(data)
	}
	j := i
	for j < end && c[data[j]] {
		j++
	}
	return j
}

// runStart returns the start of the run of bytes in c that ends at i
// (exclusive), reading back at most limit bytes.
func runStart(data []byte, i int, c *charset, limit int) int {
	stop := i - limit
	if stop < 0 {
		stop = 0
	}
	j := i
	for j > stop && c[data[j-1]] {
		j--
	}
	return j
}

// boundaryBefore reports whether the byte before i is not in c.
func boundaryBefore(data []byte, i int, c *charset) bool { return i <= 0 || !c[data[i-1]] }

// boundaryAfter reports whether the byte at i is not in c.
func boundaryAfter(data []byte, i int, c *charset) bool { return i >= len(data) || !c[data[i]] }

// hasPrefixAt reports whether data[i:] starts with p, byte for byte.
func hasPrefixAt(data []byte, i int, p string) bool {
	if i < 0 || i+len(p) > len(data) {
		return false
	}
	return string(data[i:i+len(p)]) == p
}

// hasPrefixFoldAt is hasPrefixAt ignoring ASCII case; p is lower case.
func hasPrefixFoldAt(data []byte, i int, p string) bool {
	if i < 0 || i+len(p) > len(data) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lower(data[i+k]) != p[k] {
			return false
		}
	}
	return true
}

func lower(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func allIn(s string, c *charset) bool {
	for i := 0; i < len(s); i++ {
		if !c[s[i]] {
			return false
		}
	}
	return len(s) > 0
}

// lineBounds returns the start and end (exclusive, before '\n') of the line
// holding i, looking at most limit bytes either way.
func lineBounds(data []byte, i, limit int) (int, int) {
	s := i
	for s > 0 && i-s < limit && data[s-1] != '\n' {
		s--
	}
	e := i
	for e < len(data) && e-i < limit && data[e] != '\n' {
		e++
	}
	return s, e
}

// window returns the bytes from n lines before i to n lines after it,
// bounded to limit bytes either way.
func window(data []byte, i, n, limit int) (int, int) {
	s, e := i, i
	for k := 0; k <= n; k++ {
		if k > 0 && s > 0 {
			s--
		}
		for s > 0 && i-s < limit && data[s-1] != '\n' {
			s--
		}
	}
	for k := 0; k <= n; k++ {
		if k > 0 && e < len(data) {
			e++
		}
		for e < len(data) && e-i < limit && data[e] != '\n' {
			e++
		}
	}
	return s, e
}
