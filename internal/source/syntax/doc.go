// Package syntax is clad's one set of helpers for reading tree-sitter
// syntax trees: node kinds looked up by symbol id, source text, fields,
// children and a pre-order walk. Children are read with cursors, never by
// index (ts_node_child is linear in the index, so an indexed loop is
// quadratic on the huge flat ERROR nodes of hostile input), and the walk
// keeps no recursion.
//
// A Doc pairs a file's text with its grammar's names; source.File.Syntax
// returns the Doc of a parsed file. The free functions (Field, Line,
// Children, ...) need neither. The package imports nothing of clad, so
// every analysis can use it without import cycles.
package syntax

import (
	"sync"
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// Doc is one parsed text seen through its grammar: Kind, Text and the
// helpers built on them. The zero Doc is usable (it has no text, and kinds
// come from tree-sitter itself). A Doc is a small value; copy it freely.
type Doc struct {
	src    []byte
	kinds  []string // node type names by symbol id
	fields []string // field names by field id (0: none)
}

// names is a grammar's tables.
type names struct {
	kinds, fields []string
}

// tables caches the names of each grammar, keyed by its TSLanguage pointer.
var tables sync.Map

// NewDoc returns the Doc of src parsed with lang (nil: no tables). The
// grammar's names are read once per grammar and shared.
func NewDoc(src []byte, lang *ts.Language) Doc {
	if lang == nil {
		return Doc{src: src}
	}
	t := namesOf(lang)
	return Doc{src: src, kinds: t.kinds, fields: t.fields}
}

// namesOf returns the cached tables of lang, building them on first use.
func namesOf(lang *ts.Language) *names {
	key := unsafe.Pointer(lang.Inner)
	if t, ok := tables.Load(key); ok {
		return t.(*names)
	}
	t := &names{kinds: make([]string, lang.NodeKindCount()), fields: make([]string, lang.FieldCount()+1)}
	for i := range t.kinds {
		t.kinds[i] = lang.NodeKindForId(uint16(i))
	}
	for i := 1; i < len(t.fields); i++ {
		t.fields[i] = lang.FieldNameForId(uint16(i))
	}
	actual, _ := tables.LoadOrStore(key, t)
	return actual.(*names)
}

// Source returns the text the Doc reads.
func (d *Doc) Source() []byte { return d.src }

// Kind returns a node's type ("" for nil), looked up by symbol id in the
// grammar's table: Node.Kind would copy a C string on every call, and the
// walkers ask for the kind of every node.
func (d *Doc) Kind(n *ts.Node) string {
	if n == nil {
		return ""
	}
	if id := int(n.KindId()); id < len(d.kinds) {
		return d.kinds[id]
	}
	return n.Kind() // ERROR has an id outside the table
}

// FieldName returns the name of a field id (as TreeCursor.FieldId gives
// it), or "" for 0 and unknown ids.
func (d *Doc) FieldName(id uint16) string {
	if int(id) < len(d.fields) {
		return d.fields[id]
	}
	return ""
}

// Text returns a node's source text ("" for nil).
func (d *Doc) Text(n *ts.Node) string {
	if n == nil {
		return ""
	}
	return d.Span(n.ByteRange())
}

// Span returns the source text between two byte offsets, or "" when they
// do not lie within the text in order.
func (d *Doc) Span(start, end uint) string {
	if end > uint(len(d.src)) || start > end {
		return ""
	}
	return string(d.src[start:end])
}
