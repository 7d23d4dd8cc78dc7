package engine

import (
	"bytes"
	"path"
	"strings"
)

// Documentation is where example credentials live: values in manuals, API
// example files and doc comments show the shape of a secret, not a live
// one. Self-identifying tokens (a prefix and a checksum or fixed format)
// and private keys are still reported there; the rules that judge a value
// by its shape and its name alone are not.

// docDropped are the rules not reported in documentation files.
var docDropped = map[string]bool{
	RuleGeneric: true, RuleURLCredentials: true, RuleDatabaseURL: true, RuleJWT: true,
}

var docExts = map[string]bool{".md": true, ".mdx": true, ".rst": true, ".adoc": true, ".markdown": true}

// docFile reports a documentation file: a manual (.md, .rst, .adoc), or a
// JSON/YAML file named for examples (aws-sdk's *.examples.json).
func docFile(base string) bool {
	ext := path.Ext(base)
	if docExts[ext] {
		return true
	}
	if ext != ".json" && ext != ".yml" && ext != ".yaml" {
		return false
	}
	for _, w := range splitWords(strings.TrimSuffix(base, ext), 16) {
		if w == "example" || w == "examples" || w == "sample" || w == "samples" {
			return true
		}
	}
	return false
}

// docHost reports a host reserved for documentation (RFC 2606 and 6761):
// credentials for it are examples.
func docHost(h string) bool {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	for _, d := range []string{"example.com", "example.org", "example.net"} {
		if h == d || strings.HasSuffix(h, "."+d) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid", ".localhost"} {
		if strings.HasSuffix(h, tld) {
			return true
		}
	}
	return false
}

// exampleMarkers in a comment before a value say it illustrates a format.
var exampleMarkers = [][]byte{
	[]byte("example"), []byte("e.g."), []byte("for instance"), []byte("like this"), []byte("looks like"),
	[]byte("such as"), []byte("sample"),
}

// examplePhrases before a value anywhere on its line (an error message,
// a docstring) say it illustrates a format.
var examplePhrases = [][]byte{
	[]byte("e.g."), []byte("for example"), []byte("example:"), []byte("for instance"), []byte("like this"),
	[]byte("looks like"), []byte("format like"), []byte("such as"),
}

// inExampleComment reports a value that its line calls an example: inside
// a code comment with an example marker ("// example: DOTENV_KEY=…",
// "* A token looks like this: sig=…"), or after an example phrase ("Must
// be in valid uri format like dotenv://…").
func inExampleComment(data []byte, i int, slashes bool) bool {
	s, _ := lineBounds(data, i, 4096)
	before := bytes.ToLower(data[s:i])
	for _, m := range examplePhrases {
		if bytes.Contains(before, m) {
			return true
		}
	}
	c := commentBefore(before, slashes)
	if c == nil {
		return false
	}
	for _, m := range exampleMarkers {
		if bytes.Contains(c, m) {
			return true
		}
	}
	return false
}

// inComment reports a value inside a code comment.
func inComment(data []byte, i int, slashes bool) bool {
	s, _ := lineBounds(data, i, 4096)
	return commentBefore(data[s:i], slashes) != nil
}

// commentBefore returns the comment that starts in line (the text of a
// line before a value), or nil. Unlike commentPart it does not take the
// "//" of a URL or a "#" inside a value for a comment: "//" and "/*" must
// start the line or follow a blank or a statement end, "#" a blank.
// slashes says whether the file's language comments with // and /* (code,
// JSONC); in .npmrc and YAML a line may start with "//" and hold data.
func commentBefore(line []byte, slashes bool) []byte {
	t := bytes.TrimLeft(line, " \t")
	if bytes.HasPrefix(t, []byte("#")) || bytes.HasPrefix(t, []byte("<!--")) {
		return t
	}
	if slashes && (bytes.HasPrefix(t, []byte("*")) || bytes.HasPrefix(t, []byte("//")) || bytes.HasPrefix(t, []byte("/*"))) {
		return t
	}
	for k := 1; k < len(line); k++ {
		prev := line[k-1]
		after := csSpace[prev] || prev == ';' || prev == ')' || prev == '}' || prev == ','
		switch {
		case slashes && line[k] == '/' && k+1 < len(line) && (line[k+1] == '/' || line[k+1] == '*') && after:
			return line[k:]
		case line[k] == '#' && csSpace[prev]:
			return line[k:]
		case bytes.HasPrefix(line[k:], []byte("<!--")):
			return line[k:]
		}
	}
	return nil
}

// badgeQuery reports a token= query parameter of a status badge image
// URL (codecov, openbase…): a read-only graph token published by design.
func badgeQuery(data []byte, keyStart int) bool {
	s := keyStart
	for s > 0 && keyStart-s < 512 && !csSpace[data[s-1]] && !csQuote[data[s-1]] && data[s-1] != '(' {
		s--
	}
	u := bytes.ToLower(data[s:keyStart])
	return bytes.Contains(u, []byte("badge")) || bytes.Contains(u, []byte(".svg?")) || bytes.Contains(u, []byte(".png?"))
}
