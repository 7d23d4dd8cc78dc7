package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// builder turns decoded nodes into values and collects the issues.
type builder struct {
	issues []Issue
}

func (b *builder) addf(line int, format string, args ...any) {
	b.issues = append(b.issues, Issue{Line: line, Message: fmt.Sprintf(format, args...)})
}

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports a missing key, an empty value or an explicit null.
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || n.Kind == 0 || n.Kind == yaml.AliasNode ||
		(n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// str reads a scalar value, trimmed; "" when the key is missing or empty.
func (b *builder) str(n *yaml.Node, key string) string {
	if isNull(n) {
		return ""
	}
	r := resolve(n)
	if r.Kind != yaml.ScalarNode {
		b.addf(n.Line, "%s must be a single value, not %s", key, kindName(n))
		return ""
	}
	return strings.TrimSpace(r.Value)
}

// item is one value of a list, with its line.
type item struct {
	Value string
	Line  int
}

// list reads a list of scalar values, trimmed; nil when the key is missing
// or empty.
func (b *builder) list(n *yaml.Node, key string) []item {
	if isNull(n) {
		return nil
	}
	r := resolve(n)
	if r.Kind != yaml.SequenceNode {
		b.addf(n.Line, "%s must be a list, not %s", key, kindName(n))
		return nil
	}
	out := make([]item, 0, len(r.Content))
	for _, c := range r.Content {
		v := resolve(c)
		if isNull(c) || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			b.addf(c.Line, "%s: each item must be a non-empty value, not %s", key, kindName(c))
			continue
		}
		out = append(out, item{Value: strings.TrimSpace(v.Value), Line: c.Line})
	}
	return out
}

// line is the line of a value, or fallback when the key is missing.
func line(n *yaml.Node, fallback int) int {
	if n != nil && n.Line > 0 {
		return n.Line
	}
	return fallback
}
