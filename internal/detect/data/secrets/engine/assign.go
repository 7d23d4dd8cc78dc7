package engine

// assignment is `name <op> value` read around a keyword: code
// (`const apiKey = "…"`, `Password: "…"`, `password := "…"`), JSON and YAML
// keys, .env/ini/properties lines, XML elements, `name=value` inside a
// connection string or query, and `password VALUE` in .netrc.
type assignment struct {
	key            string
	keyStart       int
	vStart, vEnd   int
	quoted         bool
	embedded       bool
	query          bool // embedded in a URL query: & ends the value
	continuesAfter bool // a quoted value followed by + (concatenation)
}

// parseAssignment reads the assignment whose name contains offset at.
func (sc *scan) parseAssignment(at int) (assignment, bool) {
	d := sc.data
	ks := runStart(d, at, csIdent, 100)
	ke := runEnd(d, at, csIdent, 100)
	for ks < ke && (d[ks] == '.' || d[ks] == '-' || d[ks] == '$') {
		ks++
	}
	for ke > ks && (d[ke-1] == '.' || d[ke-1] == '-') {
		ke--
	}
	if ke-ks < 2 || ke-ks > 96 || !mayAssign(d, ke) {
		return assignment{}, false
	}
	if sc.seenIdent(ks) {
		return assignment{}, false
	}
	a := assignment{key: string(d[ks:ke]), keyStart: ks}
	var pre byte
	if ks > 0 {
		pre = d[ks-1]
	}
	i := ke
	switch {
	case csQuote[pre] && i < len(d) && d[i] == pre:
		i++
		if i < len(d) && d[i] == ']' {
			i++
		}
	case i < len(d) && d[i] == '=' && (pre == '?' || pre == '&' || pre == ';' || csQuote[pre]):
		a.embedded, a.query = true, pre == '?' || pre == '&'
	case pre == '<' && i < len(d) && d[i] == '>':
		return sc.xmlValue(a, i+1)
	}
	i = skipSpaces(d, i)
	i, ok := sc.operator(i, a.embedded)
	if !ok {
		return assignment{}, false
	}
	return sc.value(a, skipSpaces(d, i))
}

// seenIdent reports whether the name starting at ks was read already, and
// remembers it. Anchors are found in order, so the hits inside one name
// (secret and token in secretToken) come one after the other: a short ring
// of recent names is enough.
func (sc *scan) seenIdent(ks int) bool {
	for _, s := range sc.idents {
		if s == ks+1 {
			return true
		}
	}
	sc.idents[sc.identPos%len(sc.idents)] = ks + 1
	sc.identPos++
	return false
}

// mayAssign is a cheap look past the name: an assignment needs an
// operator (=, :, >), possibly after a closing quote, bracket or spaces, or
// a value after a space (.netrc, Go declarations).
func mayAssign(d []byte, i int) bool {
	for k := 0; k < 4 && i < len(d); k++ {
		switch d[i] {
		case '=', ':', '>', ' ', '\t':
			return true
		case '"', '\'', '`', ']':
			i++
		default:
			return false
		}
	}
	return false
}

func skipSpaces(d []byte, i int) int {
	for i < len(d) && csSpace[d[i]] {
		i++
	}
	return i
}

// operator reads the assignment operator at i and returns where the value
// may start.
func (sc *scan) operator(i int, embedded bool) (int, bool) {
	d := sc.data
	if i >= len(d) {
		return i, false
	}
	switch {
	case hasPrefixAt(d, i, ":="), hasPrefixAt(d, i, "=>"):
		return i + 2, true
	case hasPrefixAt(d, i, "==="):
		return i + 3, true
	case hasPrefixAt(d, i, "=="):
		return i + 2, true
	case d[i] == '=':
		return i + 1, true
	case d[i] == ':' && !embedded:
		return sc.afterColon(i + 1)
	case sc.file.kind == kindNetrc && i > 0 && csSpace[d[i-1]] && csAlnum[d[i]]:
		return i, true
	case sc.file.kind == kindCode && i > 0 && csSpace[d[i-1]] && csLetters[d[i]]:
		// Go: `var password string = "…"`
		j := runEnd(d, i, csIdent, 40)
		j = skipSpaces(d, j)
		if j < len(d) && d[j] == '=' && !hasPrefixAt(d, j, "==") {
			return j + 1, true
		}
	}
	return i, false
}

// afterColon handles `key: value` and TypeScript `name: Type = value`.
func (sc *scan) afterColon(i int) (int, bool) {
	d := sc.data
	if i >= len(d) {
		return i, false
	}
	if d[i] == ':' { // C++/Ruby scope, not an assignment
		return i, false
	}
	if sc.file.kind == kindConfig || sc.file.kind == kindOther {
		if !csSpace[d[i]] && !csQuote[d[i]] && d[i] != '\n' && d[i] != '\r' {
			return i, false // "password:xyz" in prose or a URL
		}
	}
	j := skipSpaces(d, i)
	if sc.file.kind == kindCode && j < len(d) && csLetters[d[j]] {
		k := runEnd(d, j, csTypeName, 60)
		k = skipSpaces(d, k)
		if k < len(d) && d[k] == '=' && !hasPrefixAt(d, k, "==") && !hasPrefixAt(d, k, "=>") {
			return k + 1, true
		}
	}
	return j, true
}

// value reads the value at i.
func (sc *scan) value(a assignment, i int) (assignment, bool) {
	d := sc.data
	if i >= len(d) {
		return a, false
	}
	if sc.file.kind == kindCode {
		i = skipConversion(d, i)
	}
	// string prefixes: Python b"" r"" f"", C# @""
	if i+1 < len(d) && csQuote[d[i+1]] && (d[i] == 'b' || d[i] == 'r' || d[i] == 'u' || d[i] == '@') {
		i++
	}
	if q := d[i]; csQuote[q] && !a.embedded {
		e := closingQuote(d, i+1, q)
		if e < 0 {
			return a, false
		}
		a.vStart, a.vEnd, a.quoted = i+1, e, true
		k := skipSpaces(d, e+1)
		a.continuesAfter = k < len(d) && d[k] == '+'
		return a, true
	}
	if a.embedded {
		e := i
		stop := csConnEnd
		if a.query {
			stop = csNonValue
		}
		for e < len(d) && !stop[d[e]] && e-i < 512 {
			e++
		}
		a.vStart, a.vEnd = i, e
		return a, e > i
	}
	if sc.file.kind == kindCode || sc.file.kind == kindJSON {
		return a, false // an expression, not a literal
	}
	return bareValue(d, a, i)
}

// conversions wrap a literal without changing it: Go []byte("…"), Node
// Buffer.from('…'), Python bytes("…"), .NET Encoding.UTF8.GetBytes("…").
var conversions = []string{"[]byte(", "Buffer.from(", "bytes(", "bytearray(", "Encoding.UTF8.GetBytes(",
	"new TextEncoder().encode(", "String("}

// skipConversion steps over a conversion call opening a string literal.
func skipConversion(d []byte, i int) int {
	for _, c := range conversions {
		if hasPrefixAt(d, i, c) && i+len(c) < len(d) && csQuote[d[i+len(c)]] {
			return i + len(c)
		}
	}
	return i
}

// csConnEnd ends a value inside a connection string (Password=…;).
var csConnEnd = newCharset(" \t\r\n\"'`;<>\\")

// bareValue reads an unquoted value to the end of the line, without a
// trailing comment.
func bareValue(d []byte, a assignment, i int) (assignment, bool) {
	if i >= len(d) || d[i] == '|' || d[i] == '>' || d[i] == '{' || d[i] == '[' || d[i] == '&' || d[i] == '*' || d[i] == '!' {
		return a, false // block scalar, structure, YAML anchor/alias/tag
	}
	_, le := lineBounds(d, i, 1024)
	e := i
	for e < le {
		if (d[e] == '#' || d[e] == ';') && e > i && csSpace[d[e-1]] {
			break
		}
		e++
	}
	for e > i && (csSpace[d[e-1]] || d[e-1] == '\r' || d[e-1] == ',') {
		e--
	}
	a.vStart, a.vEnd = i, e
	return a, e > i
}

// xmlValue reads <password>value</password>.
func (sc *scan) xmlValue(a assignment, i int) (assignment, bool) {
	d := sc.data
	e := i
	for e < len(d) && d[e] != '<' && d[e] != '\n' && e-i < 512 {
		e++
	}
	if e >= len(d) || d[e] != '<' {
		return a, false
	}
	a.vStart, a.vEnd = i, e
	return a, e > i
}

// closingQuote finds the closing q on the same line, honouring backslash
// escapes; -1 when there is none.
func closingQuote(d []byte, i int, q byte) int {
	for j := i; j < len(d) && j-i < 1024; j++ {
		switch d[j] {
		case '\\':
			j++
		case '\n':
			return -1
		case q:
			return j
		}
	}
	return -1
}
