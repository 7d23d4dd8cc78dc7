package engine

import "fmt"

// fmtAll formats a match with every common verb.
func fmtAll(m Match) string {
	return fmt.Sprintf("%v %+v %#v %s %q %x %d", m, m, m, m, m, m, m) + fmt.Sprint(m, &m, []Match{m}, map[string]Match{"m": m})
}
