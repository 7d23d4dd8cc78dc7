package cloudformation

import "strings"

// Value is the result of evaluating a template value with its intrinsic
// functions. Text is the literal value when Resolved, otherwise a readable
// symbolic form ("Ref(Table)", "GetAtt(Role.Arn)", "arn:aws:s3:::${Bucket}").
type Value struct {
	Text string
	// Items hold the elements of a list value (IsList).
	Items  []Value
	IsList bool
	// Resolved is true when Text (and every item) is the literal value the
	// deployed stack will see.
	Resolved bool
	// Unknown is true when the value depends on an input clad does not have
	// (a Parameter without value, an undecidable !If, an !ImportValue, a
	// dynamic reference), so it could be anything, even "*". References to
	// resources of the template and pseudo parameters are not Unknown: they
	// name one specific thing.
	Unknown bool
	// Ref is the logical id when the whole value is a Ref or GetAtt of a
	// resource of the template; Attr is the GetAtt attribute.
	Ref  string
	Attr string
	// Refs lists every resource logical id referenced anywhere inside.
	Refs []string
	// NoValue marks AWS::NoValue: the property is to be removed.
	NoValue bool
}

// lit is a resolved literal.
func lit(s string) Value { return Value{Text: s, Resolved: true} }

// unknown is a value that depends on an input clad lacks.
func unknown(text string) Value { return Value{Text: text, Unknown: true} }

// symbolic is an unresolved value that still names something specific.
func symbolic(text string) Value { return Value{Text: text} }

// list builds a list value from items.
func list(items []Value) Value {
	v := Value{IsList: true, Resolved: true, Items: items}
	texts := make([]string, 0, len(items))
	for _, it := range items {
		texts = append(texts, it.Text)
		v.absorb(it)
	}
	v.Text = strings.Join(texts, ",")
	return v
}

// absorb folds the resolution state and references of part into v.
func (v *Value) absorb(part Value) {
	if !part.Resolved {
		v.Resolved = false
	}
	if part.Unknown {
		v.Unknown = true
	}
	v.addRefs(part.Refs...)
}

func (v *Value) addRefs(ids ...string) {
	for _, id := range ids {
		if id == "" || contains(v.Refs, id) {
			continue
		}
		v.Refs = append(v.Refs, id)
	}
}

// Flat returns the value's items, or the value itself when it is a scalar.
// NoValue items are dropped.
func (v Value) Flat() []Value {
	if v.NoValue {
		return nil
	}
	if !v.IsList {
		return []Value{v}
	}
	out := make([]Value, 0, len(v.Items))
	for _, it := range v.Items {
		out = append(out, it.Flat()...)
	}
	return out
}

// Name returns the logical id the value refers to, or its text.
func (v Value) Name() string {
	if v.Ref != "" {
		return v.Ref
	}
	return v.Text
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
