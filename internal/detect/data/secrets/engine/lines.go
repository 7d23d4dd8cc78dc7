package engine

import "sort"

// lineIndex maps byte offsets to 1-based lines and columns.
type lineIndex struct {
	starts []int
}

func newLineIndex(data []byte) *lineIndex {
	li := &lineIndex{starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) pos(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1, off - li.starts[i] + 1
}

// keyBefore returns the name a value at i is assigned to on its line, as in
// `NAME = "value"`, `"name": "value"`, `name: value`, or "" when the value
// does not follow an assignment.
func keyBefore(data []byte, i int) string {
	j := i
	ls, _ := lineBounds(data, i, 512)
	// skip an opening quote and spaces, then the operator
	for j > ls && (csQuote[data[j-1]] || csSpace[data[j-1]]) {
		j--
	}
	if j <= ls || (data[j-1] != '=' && data[j-1] != ':' && data[j-1] != '>') {
		return ""
	}
	for j > ls && (data[j-1] == '=' || data[j-1] == ':' || data[j-1] == '>' || data[j-1] == '?') {
		j--
	}
	for j > ls && (csSpace[data[j-1]] || csQuote[data[j-1]] || data[j-1] == ']') {
		j--
	}
	e := j
	s := runStart(data, e, csIdent, 128)
	if s == e {
		return ""
	}
	return string(data[s:e])
}
