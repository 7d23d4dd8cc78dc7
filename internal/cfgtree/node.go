// Package cfgtree parses YAML and JSON configuration files into a small tree
// whose every node knows its line. Aliases and merge keys are expanded with a
// bound, so an alias bomb is an error rather than an exhausted machine, and
// tags (CloudFormation's !Ref, !Sub …) are kept for the extractors to read.
package cfgtree

import (
	"strconv"
	"strings"
)

// Kind is the shape of a node.
type Kind int

// Node kinds.
const (
	Null Kind = iota
	Scalar
	Seq
	Map
)

// Node is one value in a parsed config file.
type Node struct {
	Kind Kind
	// Tag is the explicit local tag, such as "!Ref" or "!GetAtt"; empty for
	// plain values.
	Tag string
	// Value is the scalar text.
	Value string
	// Quoted is true for quoted scalars (so "1" stays a string).
	Quoted bool
	// Items are the elements of a sequence.
	Items []*Node
	// Entries are the key/value pairs of a map, in file order.
	Entries []Entry
	Line    int
	Column  int
}

// Entry is one key/value pair of a map.
type Entry struct {
	Key   string
	Line  int
	Value *Node
}

// Get returns the value of key in a map node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for i := len(n.Entries) - 1; i >= 0; i-- { // last one wins, as in YAML loaders
		if n.Entries[i].Key == key {
			return n.Entries[i].Value
		}
	}
	return nil
}

// GetFold is Get with a case-insensitive key, for formats that ignore case
// (Azure's function.json).
func (n *Node) GetFold(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for i := len(n.Entries) - 1; i >= 0; i-- {
		if strings.EqualFold(n.Entries[i].Key, key) {
			return n.Entries[i].Value
		}
	}
	return nil
}

// Path follows a chain of map keys.
func (n *Node) Path(keys ...string) *Node {
	for _, k := range keys {
		n = n.Get(k)
		if n == nil {
			return nil
		}
	}
	return n
}

// IsScalar reports whether n is a scalar without tag.
func (n *Node) IsScalar() bool { return n != nil && n.Kind == Scalar && n.Tag == "" }

// Str returns the scalar text, or "" for anything else.
func (n *Node) Str() string {
	if n == nil || n.Kind != Scalar {
		return ""
	}
	return n.Value
}

// Int returns the scalar as an integer.
func (n *Node) Int() (int, bool) {
	if n == nil || n.Kind != Scalar {
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	return v, err == nil
}

// Bool returns the scalar as a boolean (true/false/yes/no, any case).
func (n *Node) Bool() (bool, bool) {
	if n == nil || n.Kind != Scalar {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

// List returns the items of a sequence, or the node itself as a one-item
// list when it is a scalar or map (config formats accept both spellings).
func (n *Node) List() []*Node {
	switch {
	case n == nil || n.Kind == Null:
		return nil
	case n.Kind == Seq:
		return n.Items
	default:
		return []*Node{n}
	}
}

// Strings returns the scalar texts of List.
func (n *Node) Strings() []string {
	var out []string
	for _, it := range n.List() {
		if it.Kind == Scalar {
			out = append(out, it.Value)
		}
	}
	return out
}

// Keys returns the map keys in file order.
func (n *Node) Keys() []string {
	if n == nil || n.Kind != Map {
		return nil
	}
	out := make([]string, 0, len(n.Entries))
	for _, e := range n.Entries {
		out = append(out, e.Key)
	}
	return out
}

// Clone copies the tree deeply.
func (n *Node) Clone() *Node {
	if n == nil {
		return nil
	}
	c := *n
	if n.Items != nil {
		c.Items = make([]*Node, len(n.Items))
		for i, it := range n.Items {
			c.Items[i] = it.Clone()
		}
	}
	if n.Entries != nil {
		c.Entries = make([]Entry, len(n.Entries))
		for i, e := range n.Entries {
			c.Entries[i] = Entry{Key: e.Key, Line: e.Line, Value: e.Value.Clone()}
		}
	}
	return &c
}

// Set replaces or appends key in a map node.
func (n *Node) Set(key string, v *Node) {
	for i := range n.Entries {
		if n.Entries[i].Key == key {
			n.Entries[i].Value = v
			return
		}
	}
	n.Entries = append(n.Entries, Entry{Key: key, Line: v.Line, Value: v})
}

// NewScalar makes a plain scalar node at line.
func NewScalar(v string, line int) *Node { return &Node{Kind: Scalar, Value: v, Line: line} }
