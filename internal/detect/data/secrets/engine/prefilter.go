package engine

// The prefilter finds every anchor (a short lower-case string such as
// "akia", "ghp_" or "password") in one pass over the input, ignoring ASCII
// case: an Aho-Corasick automaton compiled to a dense DFA over byte classes.
// Only the bytes around an anchor are then looked at by the validators, so
// the cost of a scan is one table walk per byte plus a little work per hit.

// maxAnchor bounds the anchor length the automaton matches: validators
// check the rest of a longer prefix themselves, and short anchors keep the
// table small enough to stay in the CPU cache.
const maxAnchor = 8

// automaton is immutable once built and safe for concurrent use.
type automaton struct {
	// class maps a byte to its column (0 for bytes no anchor uses; upper
	// case letters share the column of their lower case).
	class [256]uint16
	ncls  int
	// delta[state+class] is the next state, premultiplied by ncls. States
	// are numbered so that those ending an anchor come last: a state at or
	// above outStart has output.
	delta    []uint16
	outStart uint16
	// outs lists the anchors each state ends, by state index.
	outs [][]int
	// lens holds each anchor's (truncated) length.
	lens []int
}

func buildAutomaton(anchors []string) *automaton {
	a := &automaton{lens: make([]int, len(anchors))}
	for i, s := range anchors {
		if len(s) > maxAnchor {
			anchors[i] = s[:maxAnchor]
		}
	}
	next := 1
	for _, s := range anchors {
		for i := 0; i < len(s); i++ {
			b := lower(s[i])
			if a.class[b] == 0 {
				a.class[b] = uint16(next)
				next++
			}
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		a.class[b] = a.class[b+'a'-'A']
	}
	a.ncls = next
	goTo, outs := a.trie(anchors)
	a.link(goTo, outs)
	a.compile(goTo, outs)
	return a
}

// trie builds the goto function of the anchors.
func (a *automaton) trie(anchors []string) ([][]int, [][]int) {
	goTo := [][]int{make([]int, a.ncls)}
	outs := [][]int{nil}
	for id, s := range anchors {
		a.lens[id] = len(s)
		st := 0
		for i := 0; i < len(s); i++ {
			c := int(a.class[lower(s[i])])
			if goTo[st][c] == 0 {
				goTo = append(goTo, make([]int, a.ncls))
				outs = append(outs, nil)
				goTo[st][c] = len(goTo) - 1
			}
			st = goTo[st][c]
		}
		outs[st] = append(outs[st], id)
	}
	return goTo, outs
}

// link adds failure transitions breadth first, turning the trie into a
// DFA, and merges the outputs of suffix states.
func (a *automaton) link(goTo, outs [][]int) {
	fail := make([]int, len(goTo))
	queue := make([]int, 0, len(goTo))
	for c := 0; c < a.ncls; c++ {
		if s := goTo[0][c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		outs[st] = append(outs[st], outs[fail[st]]...)
		for c := 0; c < a.ncls; c++ {
			s := goTo[st][c]
			if s == 0 {
				goTo[st][c] = goTo[fail[st]][c]
				continue
			}
			fail[s] = goTo[fail[st]][c]
			queue = append(queue, s)
		}
	}
}

// compile renumbers the states (root first, output states last) into the
// premultiplied uint16 table.
func (a *automaton) compile(goTo, outs [][]int) {
	order := make([]int, 0, len(goTo))
	for pass := 0; pass < 2; pass++ {
		for st := range goTo {
			if (len(outs[st]) > 0) == (pass == 1) {
				order = append(order, st)
			}
		}
	}
	index := make([]int, len(goTo))
	for i, st := range order {
		index[st] = i
	}
	if len(goTo)*a.ncls >= 1<<16 {
		panic("secrets engine: anchor automaton too large for uint16 states")
	}
	a.delta = make([]uint16, len(goTo)*a.ncls)
	a.outs = make([][]int, len(goTo))
	a.outStart = uint16(len(goTo) * a.ncls)
	for i, st := range order {
		a.outs[i] = outs[st]
		if len(outs[st]) > 0 && uint16(i*a.ncls) < a.outStart {
			a.outStart = uint16(i * a.ncls)
		}
		for c := 0; c < a.ncls; c++ {
			a.delta[i*a.ncls+c] = uint16(index[goTo[st][c]] * a.ncls)
		}
	}
}

// each calls fn with the anchor index and start offset of every anchor
// occurrence in data, in order of end offset.
func (a *automaton) each(data []byte, fn func(anchor, start int)) {
	delta, class, out := a.delta, &a.class, a.outStart
	ncls := uint16(a.ncls)
	st := uint16(0)
	for i, b := range data {
		st = delta[st+class[b]]
		if st < out {
			continue
		}
		for _, id := range a.outs[st/ncls] {
			fn(id, i+1-a.lens[id])
		}
	}
}
