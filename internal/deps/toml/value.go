// Package toml is a small, strict TOML 1.0 reader for the lockfiles and
// manifests clad reads (poetry.lock, uv.lock, Cargo.lock, pyproject.toml,
// Pipfile, Cargo.toml). It keeps the line of every value and table, refuses
// duplicate keys and redefined tables, bounds nesting, and accepts the two
// TOML 1.1 relaxations lockfile writers rely on (newlines and a trailing
// comma inside inline tables). Date-times are validated and kept as text.
package toml

import "fmt"

// Kind is the type of a value.
type Kind int

// Value kinds.
const (
	String Kind = iota
	Integer
	Float
	Bool
	Datetime
	Array
	TableKind
)

var kindNames = [...]string{"string", "integer", "float", "boolean", "datetime", "array", "table"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Value is one TOML value.
type Value struct {
	Kind Kind
	// Str holds strings and the text of date-times.
	Str   string
	Int   int64
	Float float64
	Bool  bool
	// Array holds the elements of arrays and arrays of tables.
	Array []*Value
	// Table is set for tables (Kind TableKind).
	Table *Table
	// Line is the 1-based line where the value starts.
	Line int

	aot bool // an array of tables built from [[headers]]
}

// Table is a TOML table.
type Table struct {
	// Keys lists the keys in the order they were defined.
	Keys   []string
	Fields map[string]*Value
	// Line is where the table was defined (its header, or its first key).
	Line int

	header bool // defined by a [header]
	dotted bool // created by a dotted key
	inline bool // an inline table: closed after its closing brace
}

func newTable(line int) *Table { return &Table{Fields: map[string]*Value{}, Line: line} }

func (t *Table) set(key string, v *Value) {
	t.Keys = append(t.Keys, key)
	t.Fields[key] = v
}

// Get returns the value of key, or nil.
func (t *Table) Get(key string) *Value {
	if t == nil {
		return nil
	}
	return t.Fields[key]
}

// Table returns the sub-table at key, or nil when absent or not a table.
func (t *Table) Table(key string) *Table {
	v := t.Get(key)
	if v == nil || v.Kind != TableKind {
		return nil
	}
	return v.Table
}

// Path follows keys through nested tables; nil when any is missing.
func (t *Table) Path(keys ...string) *Table {
	for _, k := range keys {
		t = t.Table(k)
		if t == nil {
			return nil
		}
	}
	return t
}

// String returns the string at key, or "" when absent or not a string.
func (t *Table) String(key string) string {
	v := t.Get(key)
	if v == nil || v.Kind != String {
		return ""
	}
	return v.Str
}

// Tables returns the tables in the array at key (an array of tables or an
// array of inline tables); other elements are skipped.
func (t *Table) Tables(key string) []*Table {
	return t.Get(key).Tables()
}

// Tables returns the table elements of an array value.
func (v *Value) Tables() []*Table {
	if v == nil || v.Kind != Array {
		return nil
	}
	var out []*Table
	for _, e := range v.Array {
		if e.Kind == TableKind {
			out = append(out, e.Table)
		}
	}
	return out
}

// Strings returns the string elements of an array value, or the value
// itself when it is a single string.
func (v *Value) Strings() []string {
	if v == nil {
		return nil
	}
	if v.Kind == String {
		return []string{v.Str}
	}
	var out []string
	if v.Kind == Array {
		for _, e := range v.Array {
			if e.Kind == String {
				out = append(out, e.Str)
			}
		}
	}
	return out
}

// Interface converts the value to plain Go values (string, int64, float64,
// bool, []any, map[string]any); date-times become their text.
func (v *Value) Interface() any {
	switch v.Kind {
	case String, Datetime:
		return v.Str
	case Integer:
		return v.Int
	case Float:
		return v.Float
	case Bool:
		return v.Bool
	case Array:
		out := make([]any, len(v.Array))
		for i, e := range v.Array {
			out[i] = e.Interface()
		}
		return out
	}
	return v.Table.Interface()
}

// Interface converts the table to a map of plain Go values.
func (t *Table) Interface() map[string]any {
	out := make(map[string]any, len(t.Fields))
	for k, v := range t.Fields {
		out[k] = v.Interface()
	}
	return out
}

// KeyNames returns the keys in definition order (nil for a nil table).
func (t *Table) KeyNames() []string {
	if t == nil {
		return nil
	}
	return t.Keys
}
