package cloudformation

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// nodeJSON renders a node as compact JSON in file order, cut to about max
// bytes, for details such as an EventBridge pattern. Tags render as the
// long form of the intrinsic ({"Ref":"X"}).
func nodeJSON(n *cfgtree.Node, max int) string {
	var b strings.Builder
	writeJSON(&b, n, max)
	s := b.String()
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

func writeJSON(b *strings.Builder, n *cfgtree.Node, max int) {
	if b.Len() > max {
		return
	}
	if n == nil || n.Kind == cfgtree.Null {
		b.WriteString("null")
		return
	}
	if name, arg, ok := intrinsic(n); ok && n.Tag != "" {
		b.WriteString("{" + strconv.Quote(name) + ":")
		writeJSON(b, arg, max)
		b.WriteString("}")
		return
	}
	switch n.Kind {
	case cfgtree.Scalar:
		b.WriteString(strconv.Quote(n.Value))
	case cfgtree.Seq:
		b.WriteString("[")
		for i, it := range n.Items {
			if i > 0 {
				b.WriteString(",")
			}
			writeJSON(b, it, max)
		}
		b.WriteString("]")
	case cfgtree.Map:
		b.WriteString("{")
		for i, en := range n.Entries {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(strconv.Quote(en.Key) + ":")
			writeJSON(b, en.Value, max)
		}
		b.WriteString("}")
	}
}
