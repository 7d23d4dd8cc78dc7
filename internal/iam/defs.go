package iam

import "sort"

// Top-level definitions of a module, for the per-function reach: which
// functions, classes and constants a handler's code can get to. A call
// inside a definition counts for a function only when the handler reaches
// that definition; a call in module code (outside every definition) runs
// when the module loads, so it counts for every function reaching the file.

// topDef is one top-level definition.
type topDef struct {
	node    *node    // its extent
	names   []string // the local names it binds
	exports []string // the names it is exported as
	always  bool     // reached whenever the file is (Python decorated functions)
}

// defTable is a module's top-level definitions.
type defTable struct {
	defs []topDef
	// init is the module code outside every definition.
	init []*node
	// byName maps a local name to its definitions.
	byName map[string][]int
	// byExport maps an exported name to its definitions.
	byExport map[string][]int
	// aliases maps an exported name to the local name it exports
	// (export { a as b }).
	aliases map[string]string
	// reexports maps an exported name to another module's export
	// (export { a as b } from "./x"); "*" lists export * sources.
	reexports map[string][]fileExport
}

// fileExport names an export of another module.
type fileExport struct {
	file string
	name string
}

func newDefTable() *defTable {
	return &defTable{byName: map[string][]int{}, byExport: map[string][]int{}, aliases: map[string]string{},
		reexports: map[string][]fileExport{}}
}

// add appends a definition and indexes it.
func (d *defTable) add(td topDef) int {
	i := len(d.defs)
	d.defs = append(d.defs, td)
	for _, n := range td.names {
		d.byName[n] = append(d.byName[n], i)
	}
	for _, e := range td.exports {
		d.byExport[e] = append(d.byExport[e], i)
	}
	return i
}

// defAt returns the definition holding n, or -1 for module code.
func (d *defTable) defAt(n *node) int {
	if d == nil || n == nil {
		return -1
	}
	i := sort.Search(len(d.defs), func(i int) bool { return d.defs[i].node.end > n.start })
	// Definitions are added in source order and do not overlap, except
	// that object-literal exports nest inside their statement: take the
	// innermost holder.
	best := -1
	for k := i; k < len(d.defs); k++ {
		if d.defs[k].node.start > n.start {
			break
		}
		if d.defs[k].node.contains(n) {
			best = k
		}
	}
	return best
}

// sortDefs orders definitions by position (defAt relies on it) and
// rebuilds the indexes.
func (d *defTable) sortDefs() {
	sort.SliceStable(d.defs, func(a, b int) bool { return d.defs[a].node.start < d.defs[b].node.start })
	d.byName, d.byExport = map[string][]int{}, map[string][]int{}
	for i, td := range d.defs {
		for _, n := range td.names {
			d.byName[n] = append(d.byName[n], i)
		}
		for _, e := range td.exports {
			d.byExport[e] = append(d.byExport[e], i)
		}
	}
}

// ref is a name a definition uses, possibly with the member it reads
// (db.getOrder → {db, getOrder}).
type ref struct {
	name   string
	member string
}
