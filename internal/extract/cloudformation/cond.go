package cloudformation

import "github.com/cladsec/clad/internal/cfgtree"

// condState memoises a named condition.
type condState int

const (
	condPending condState = iota + 1 // being evaluated: a cycle
	condTrue
	condFalse
	condUndecidable
)

// condition decides a named condition of the Conditions section. ok is
// false when it depends on something clad cannot know.
func (e *evaluator) condition(name string) (value, ok bool) {
	switch e.conds[name] {
	case condTrue:
		return true, true
	case condFalse:
		return false, true
	case condPending, condUndecidable:
		return false, false
	}
	e.conds[name] = condPending
	b, ok := e.condExpr(e.conditions.Get(name))
	switch {
	case !ok:
		e.conds[name] = condUndecidable
	case b:
		e.conds[name] = condTrue
	default:
		e.conds[name] = condFalse
	}
	return b, ok
}

// condExpr decides a condition expression.
func (e *evaluator) condExpr(n *cfgtree.Node) (bool, bool) {
	if n == nil {
		return false, false
	}
	if name, arg, ok := intrinsic(n); ok {
		return e.condCall(name, arg)
	}
	if n.Kind == cfgtree.Map && len(n.Entries) == 1 && n.Entries[0].Key == "Condition" {
		return e.condition(n.Entries[0].Value.Str())
	}
	return false, false
}

// condCall decides Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition.
func (e *evaluator) condCall(name string, arg *cfgtree.Node) (bool, bool) {
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > maxEvalDepth {
		return false, false
	}
	switch name {
	case "Condition":
		return e.condition(arg.Str())
	case "Fn::Equals":
		items, ok := args(arg, 2)
		if !ok {
			return false, false
		}
		a, b := e.Eval(items[0]), e.Eval(items[1])
		if !a.Resolved || !b.Resolved {
			return false, false
		}
		return a.Text == b.Text, true
	case "Fn::Not":
		items, ok := args(arg, 1)
		if !ok {
			return false, false
		}
		if b, ok := e.condExpr(items[0]); ok {
			return !b, true
		}
		return false, false
	case "Fn::And", "Fn::Or":
		return e.condAll(arg, name == "Fn::Or")
	}
	return false, false
}

// condAll decides Fn::And (or=false) and Fn::Or (or=true): one decisive
// operand (false for And, true for Or) settles it even when others are
// undecidable.
func (e *evaluator) condAll(arg *cfgtree.Node, or bool) (bool, bool) {
	items, ok := args(arg, 1)
	if !ok {
		return false, false
	}
	decided := true
	for _, it := range items {
		b, ok := e.condExpr(it)
		if !ok {
			decided = false
			continue
		}
		if b == or {
			return or, true
		}
	}
	if !decided {
		return false, false
	}
	return !or, true
}
