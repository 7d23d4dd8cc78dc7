package cloudformation

import "github.com/cladsec/clad/internal/cfgtree"

// mergeGlobals applies a SAM Globals section to a resource's Properties the
// way SAM does: the resource's own scalars win, maps merge key by key, and
// lists are concatenated with the global entries first. Intrinsic function
// calls are values, never merged into. Neither input is modified.
func mergeGlobals(global, local *cfgtree.Node) *cfgtree.Node {
	switch {
	case global == nil:
		if local == nil {
			return &cfgtree.Node{Kind: cfgtree.Map}
		}
		return local
	case local == nil:
		return global
	}
	if isPlain(global, cfgtree.Map) && isPlain(local, cfgtree.Map) {
		out := &cfgtree.Node{Kind: cfgtree.Map, Line: local.Line, Column: local.Column}
		for _, en := range global.Entries {
			if local.Get(en.Key) == nil {
				out.Entries = append(out.Entries, en)
			}
		}
		for _, en := range local.Entries {
			if g := global.Get(en.Key); g != nil {
				en.Value = mergeGlobals(g, en.Value)
			}
			out.Entries = append(out.Entries, en)
		}
		return out
	}
	if isPlain(global, cfgtree.Seq) && isPlain(local, cfgtree.Seq) {
		out := *local
		out.Items = append(append([]*cfgtree.Node{}, global.Items...), local.Items...)
		return &out
	}
	return local
}

// isPlain reports a node of kind that is not an intrinsic function call.
func isPlain(n *cfgtree.Node, kind cfgtree.Kind) bool {
	if n == nil || n.Kind != kind {
		return false
	}
	_, _, call := intrinsic(n)
	return !call
}
