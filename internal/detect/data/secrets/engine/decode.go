package engine

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
)

const (
	minBlob    = 32
	maxBlob    = 64 << 10
	maxDecodes = 512
)

// decodeBlobs looks for base64 and hex runs of 32 characters or more that
// decode to text, scans the decoded text once (no further decoding), and
// reports what it finds at the blob's place.
func (sc *scan) decodeBlobs() {
	d := sc.data
	n := 0
	// A run of minBlob (32) or more characters covers at least one whole
	// aligned block of 16: look at blocks, and only expand the ones made of
	// base64 characters alone.
	const block = minBlob / 2
	for i := 0; i+block <= len(d); i += block {
		j := i + block - 1
		for j >= i && csB64Any[d[j]] {
			j--
		}
		if j >= i {
			continue
		}
		s := runStart(d, i, csB64Any, maxBlob)
		e := runEnd(d, i, csB64Any, maxBlob)
		if e-s >= minBlob && !sc.covered(s, e) {
			sc.tryDecode(s, e)
			n++
			if n >= maxDecodes {
				return
			}
		}
		for i+block < e { // continue after the run
			i += block
		}
	}
}

// covered reports whether a candidate already spans [s, e).
func (sc *scan) covered(s, e int) bool {
	for _, c := range sc.cands {
		if c.start < e && s < c.end {
			return true
		}
	}
	return false
}

func (sc *scan) tryDecode(s, e int) {
	run := string(sc.data[s:e])
	if !strings.ContainsAny(run, digits+"+/=") {
		return // an identifier, not an encoding
	}
	var text []byte
	enc := "base64"
	if allIn(run, csHex) {
		if len(run)%2 != 0 {
			return
		}
		b, err := hex.DecodeString(run)
		if err != nil {
			return
		}
		text, enc = b, "hex"
	} else {
		text = decodeBase64(run)
	}
	if len(text) < 12 || !printable(text) {
		return
	}
	sub := &scan{s: sc.s, path: sc.path, data: text, file: sc.file, depth: 1}
	if sub.file.kind == kindCode || sub.file.kind == kindJSON {
		sub.file.kind = kindOther
	}
	sub.run()
	for _, c := range sub.cands {
		if !sub.keep(&c) {
			continue
		}
		c.secret = sub.secretOf(c)
		c.start, c.end = s, e
		c.encoding, c.raw = enc, true
		c.why += "; decoded from " + enc
		c.partner = nil
		if c.key == "" {
			c.key = keyBefore(sc.data, s)
		}
		sc.cands = append(sc.cands, c)
	}
}

// decodeBase64 decodes standard or URL-safe base64, padded or not,
// checking the first bytes for text before decoding the rest.
func decodeBase64(run string) []byte {
	run = strings.TrimRight(run, "=")
	std := !strings.ContainsAny(run, "-_")
	if !std && strings.ContainsAny(run, "+/") {
		return nil
	}
	enc := base64.RawURLEncoding
	if std {
		enc = base64.RawStdEncoding
	}
	head := run[:min(len(run), 64)&^3]
	hb, err := enc.DecodeString(head)
	if err != nil || !printable(hb) {
		return nil
	}
	if len(run)%4 == 1 {
		run = run[:len(run)-1]
	}
	b, err := enc.DecodeString(run)
	if err != nil {
		return nil
	}
	return b
}
