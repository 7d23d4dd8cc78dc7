package cfgtree

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Limits bound what a parse may cost.
type Limits struct {
	// MaxNodes caps the number of nodes after alias expansion.
	MaxNodes int
	// MaxDepth caps nesting.
	MaxDepth int
}

// DefaultLimits suit any real deployment manifest.
var DefaultLimits = Limits{MaxNodes: 1_000_000, MaxDepth: 256}

// ErrTooLarge is returned when alias expansion or nesting exceeds Limits.
var ErrTooLarge = errors.New("document too large after alias expansion or too deeply nested")

// Error is a parse failure with the line it happened on (0 if unknown).
type Error struct {
	Line int
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Parse reads one YAML (or JSON, which YAML 1.2 includes) document. Only the
// first document of a multi-document stream is returned.
func Parse(data []byte) (*Node, error) { return ParseWithLimits(data, DefaultLimits) }

// ParseWithLimits is Parse with explicit bounds.
func ParseWithLimits(data []byte, lim Limits) (n *Node, err error) {
	if !utf8.Valid(data) {
		return nil, &Error{Msg: "not valid UTF-8 text"}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{Msg: "binary content (NUL byte)"}
	}
	defer func() { // the YAML library has panicked on hostile input before
		if r := recover(); r != nil {
			n, err = nil, &Error{Msg: fmt.Sprintf("YAML parser failed: %v", r)}
		}
	}()
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return &Node{Kind: Null, Line: 1}, nil
		}
		return nil, yamlError(err)
	}
	c := converter{lim: lim}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	out, err := c.convert(root, 0)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func yamlError(err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		fmt.Sscanf(msg, "line %d:", &line)
		if i := strings.Index(msg, ": "); i > 0 {
			msg = msg[i+2:]
		}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	return &Error{Line: line, Msg: msg, Err: err}
}

type converter struct {
	lim   Limits
	nodes int
}

func (c *converter) convert(y *yaml.Node, depth int) (*Node, error) {
	c.nodes++
	if c.nodes > c.lim.MaxNodes || depth > c.lim.MaxDepth {
		return nil, &Error{Line: y.Line, Msg: ErrTooLarge.Error(), Err: ErrTooLarge}
	}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return &Node{Kind: Null, Line: y.Line}, nil
		}
		n, err := c.convert(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		return n, nil
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &Node{Kind: Null, Line: y.Line}, nil
		}
		return c.convert(y.Content[0], depth)
	case yaml.ScalarNode:
		n := &Node{Kind: Scalar, Value: y.Value, Line: y.Line, Column: y.Column,
			Quoted: y.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0}
		n.Tag = localTag(y.Tag)
		if y.Tag == "!!null" && n.Tag == "" {
			n.Kind = Null
		}
		return n, nil
	case yaml.SequenceNode:
		n := &Node{Kind: Seq, Line: y.Line, Column: y.Column, Tag: localTag(y.Tag)}
		for _, it := range y.Content {
			v, err := c.convert(it, depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
		return n, nil
	case yaml.MappingNode:
		n := &Node{Kind: Map, Line: y.Line, Column: y.Column, Tag: localTag(y.Tag)}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				if err := c.merge(n, v, depth); err != nil {
					return nil, err
				}
				continue
			}
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			key := k.Value
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				key = k.Alias.Value
			}
			n.Entries = append(n.Entries, Entry{Key: key, Line: k.Line, Value: val})
		}
		return n, nil
	}
	return &Node{Kind: Null, Line: y.Line}, nil
}

// merge applies a YAML merge key: entries of the merged map(s) that the
// mapping does not set itself.
func (c *converter) merge(dst *Node, v *yaml.Node, depth int) error {
	src, err := c.convert(v, depth+1)
	if err != nil {
		return err
	}
	for _, m := range src.List() {
		if m.Kind != Map {
			continue
		}
		for _, e := range m.Entries {
			if dst.Get(e.Key) == nil {
				dst.Entries = append(dst.Entries, e)
			}
		}
	}
	return nil
}

// localTag keeps application tags (!Ref) and drops the core schema's.
func localTag(t string) string {
	if strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "!!") {
		return t
	}
	return ""
}
