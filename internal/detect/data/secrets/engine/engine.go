// Package engine finds secrets in bytes. It is pure (no I/O, no globals
// that change) and safe for concurrent use: callers such as the secrets
// detector of clad scan, the pre-commit and history modes hand it a path
// and the file's content and get matches back.
//
// A scan is one pass of a case-insensitive multi-pattern automaton over the
// content looking for anchors ("akia", "ghp_", "-----begin ", "password",
// "://"…); each anchor hit runs a small hand-written validator on the bytes
// around it (format, checksum, decoded JWT shape, the key a value is
// assigned to, entropy). Candidates then pass through the suppressions
// (documented example keys, placeholders and references, test fixtures that
// say they are fake, low-confidence matches in tests, shape-only rules in
// documentation, values a comment or message calls an example, allow
// markers) and overlapping candidates keep the most specific rule. Base64
// and hex blobs that decode to text are scanned once more, decoded.
package engine

import (
	"sort"
	"strings"
	"sync"
)

// Defaults.
const (
	DefaultMaxFileSize = 16 << 20
	DefaultMaxMatches  = 256
	// maxGenericHits bounds the assignment reads of one file (a minified
	// bundle full of "key" and "token"); format anchors are always checked.
	maxGenericHits = 200_000
	// maxCands bounds the candidates of one file before suppression.
	maxCands = 4096
)

// Scanner finds secrets. Build it with New; it is safe for concurrent use.
type Scanner struct {
	cfg  config
	auto *automaton
}

type config struct {
	maxSize    int
	maxMatches int
	allow      []string
	decode     bool
	only       map[string]bool
}

// Option configures a Scanner.
type Option func(*config)

// WithMaxFileSize skips content larger than n bytes (default 16 MiB).
func WithMaxFileSize(n int) Option { return func(c *config) { c.maxSize = n } }

// WithMaxMatches bounds the matches returned for one file (default 256).
func WithMaxMatches(n int) Option { return func(c *config) { c.maxMatches = n } }

// WithAllowMarkers drops matches on lines that carry one of the markers,
// for callers that scan raw bytes without the suppress package
// (e.g. "clad:allow", "gitleaks:allow").
func WithAllowMarkers(markers ...string) Option {
	return func(c *config) { c.allow = append(c.allow, markers...) }
}

// WithDecoding turns the scan of base64 and hex blobs on (the default) or off.
func WithDecoding(on bool) Option { return func(c *config) { c.decode = on } }

// WithRules limits the scan to the given rule IDs.
func WithRules(ids ...string) Option {
	return func(c *config) {
		if c.only == nil {
			c.only = map[string]bool{}
		}
		for _, id := range ids {
			c.only[id] = true
		}
	}
}

var sharedAutomaton = sync.OnceValue(func() *automaton {
	texts := make([]string, len(anchorTable()))
	for i, a := range anchorTable() {
		texts[i] = a.text
	}
	return buildAutomaton(texts)
})

// New returns a Scanner.
func New(opts ...Option) *Scanner {
	c := config{maxSize: DefaultMaxFileSize, maxMatches: DefaultMaxMatches, decode: true}
	for _, o := range opts {
		o(&c)
	}
	return &Scanner{cfg: c, auto: sharedAutomaton()}
}

// Scan returns the secrets in data, ordered by offset. path gives context
// (file type, test fixture, .netrc…) and is not read. Binary content (a NUL
// byte in the first 8 KiB) and content above the size limit return nil.
func (s *Scanner) Scan(path string, data []byte) []Match {
	if len(data) == 0 || len(data) > s.cfg.maxSize || isBinary(data) {
		return nil
	}
	sc := &scan{s: s, path: path, data: data, file: classify(path)}
	sc.run()
	return sc.finish()
}

// scan is the state of one Scan call.
type scan struct {
	s     *Scanner
	path  string
	data  []byte
	file  fileInfo
	depth int
	cands []cand
	// idents remembers (offset+1) the names the generic rule read last.
	idents   [4]int
	identPos int
	// once marks file-level validators that already ran.
	once map[string]bool
	// partners are spans consumed as the second half of a pair.
	partners map[[2]int]bool
}

// cand is a candidate secret before suppression.
type cand struct {
	rule       string
	start, end int
	key        string
	conf       Confidence
	why        string
	partner    *cand
	// raw skips the fake-token check (the validator made its own).
	raw bool
	// secret, when set, is the secret in clear (decoded or unescaped);
	// otherwise it is data[start:end].
	secret   string
	encoding string
}

func (sc *scan) add(c cand) {
	if len(sc.cands) >= maxCands {
		return
	}
	if c.conf == 0 {
		c.conf = High
	}
	sc.cands = append(sc.cands, c)
}

func (sc *scan) run() {
	table := anchorTable()
	generic, budget := sc.genericOn(), maxGenericHits
	sc.s.auto.each(sc.data, func(id, start int) {
		a := &table[id]
		if a.generic {
			if !generic || budget <= 0 {
				return
			}
			budget--
		}
		a.fn(sc, start)
	})
	if sc.depth == 0 && sc.s.cfg.decode && !sc.file.sourceMap && !sc.file.keyList {
		sc.decodeBlobs()
	}
}

// genericOn reports whether assignment-based rules apply to this file.
func (sc *scan) genericOn() bool { return !sc.file.sourceMap && !sc.file.keyList }

func (sc *scan) secretOf(c cand) string {
	if c.secret != "" {
		return c.secret
	}
	return string(sc.data[c.start:c.end])
}

// finish applies suppressions, resolves overlaps and builds matches.
func (sc *scan) finish() []Match {
	kept := sc.cands[:0]
	for _, c := range sc.cands {
		if sc.keep(&c) {
			kept = append(kept, c)
		}
	}
	kept = resolveOverlaps(kept)
	if len(kept) > sc.s.cfg.maxMatches {
		kept = kept[:sc.s.cfg.maxMatches]
	}
	if len(kept) == 0 {
		return nil
	}
	lines := newLineIndex(sc.data)
	out := make([]Match, 0, len(kept))
	for _, c := range kept {
		out = append(out, sc.match(c, lines))
	}
	scrubKeys(out)
	return out
}

// scrubKeys drops a key name that holds a secret (a token written as
// `TOKEN= other-token`) and redacts secrets quoted in Why: names and
// reasons are printed, secrets never.
func scrubKeys(ms []Match) {
	var secrets []string
	for _, m := range ms {
		secrets = append(secrets, m.secret)
		if m.Partner != nil {
			secrets = append(secrets, m.Partner.secret)
		}
	}
	holds := func(key string) bool {
		for _, s := range secrets {
			if len(s) >= 4 && strings.Contains(key, s) || key != "" && strings.Contains(s, key) && len(key) >= 8 {
				return true
			}
		}
		return false
	}
	scrubWhy := func(why string) string {
		for _, s := range secrets {
			if len(s) >= 4 {
				why = strings.ReplaceAll(why, s, Redact(s))
			}
		}
		return why
	}
	for i := range ms {
		if holds(ms[i].Key) {
			ms[i].Key = ""
		}
		ms[i].Why = scrubWhy(ms[i].Why)
		if p := ms[i].Partner; p != nil {
			if holds(p.Key) {
				p.Key = ""
			}
			p.Why = scrubWhy(p.Why)
		}
	}
}

func (sc *scan) keep(c *cand) bool {
	if sc.s.cfg.only != nil && !sc.s.cfg.only[c.rule] {
		return false
	}
	if sc.partners[[2]int{c.start, c.end}] && c.partner == nil {
		return false
	}
	secret := sc.secretOf(*c)
	if documented[secret] || (!c.raw && fakeToken(secret)) {
		return false
	}
	if allowed(sc.data, c.start, sc.s.cfg.allow) {
		return false
	}
	slashes := sc.file.kind == kindCode || sc.file.kind == kindJSON
	if sc.depth == 0 && ((sc.file.doc && docDropped[c.rule]) || inExampleComment(sc.data, c.start, slashes)) {
		return false
	}
	if c.conf == Low && sc.depth == 0 && inComment(sc.data, c.start, slashes) {
		return false // a local URL or a test key shown in a comment
	}
	if sc.file.test && sc.depth == 0 {
		if markedFake(sc.data, c.start) {
			return false
		}
		if c.conf == Low {
			return false // a test key, a local URL or a malformed token, in a test: a fixture
		}
		c.conf--
		c.why += "; in a test, fixture, example or docs path"
	}
	if c.key == "" {
		c.key = keyBefore(sc.data, c.start)
	}
	return true
}

func (sc *scan) match(c cand, lines *lineIndex) Match {
	m := Match{Rule: c.rule, Start: c.start, End: c.end, Key: c.key, Confidence: c.conf, Why: c.why,
		Encoding: c.encoding, secret: sc.secretOf(c)}
	m.Line, m.Column = lines.pos(c.start)
	m.EndLine, _ = lines.pos(c.end - 1)
	if p := c.partner; p != nil {
		pm := Match{Rule: p.rule, Start: p.start, End: p.end, Key: p.key, Confidence: p.conf, Why: p.why, secret: sc.secretOf(*p)}
		pm.Line, pm.Column = lines.pos(p.start)
		pm.EndLine, _ = lines.pos(p.end - 1)
		m.Partner = &pm
	}
	return m
}

// resolveOverlaps keeps, of candidates whose spans overlap, the one of the
// most specific rule (then the longest, then the first). The result is
// sorted by offset.
func resolveOverlaps(cs []cand) []cand {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		pa, pb := priority(a.rule), priority(b.rule)
		if pa != pb {
			return pa > pb
		}
		if a.end-a.start != b.end-b.start {
			return a.end-a.start > b.end-b.start
		}
		return a.start < b.start
	})
	var out []cand
	for _, c := range cs {
		clash := false
		for _, o := range out {
			if c.start < o.end && o.start < c.end {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}
