package fnmap

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// OriginText says where a statement comes from, for messages.
func OriginText(origin string) string {
	kind, name, _ := strings.Cut(origin, ":")
	switch kind {
	case "provider":
		return "the service's provider role"
	case "function":
		return "the function's own role"
	case "role":
		return "role " + name
	case "inline-policy":
		return "policy " + name
	case "sam-policy":
		return "SAM policy template " + name
	case "sam":
		return "the role SAM generates"
	}
	return origin
}

// StatementText renders a statement compactly for evidence:
// "Allow dynamodb:*, s3:GetObject on *".
func StatementText(st model.Statement) string {
	var b strings.Builder
	b.WriteString(st.Effect)
	if len(st.NotAction) > 0 {
		b.WriteString(" NotAction " + strings.Join(st.NotAction, ", "))
	} else {
		b.WriteString(" " + strings.Join(st.Action, ", "))
	}
	if len(st.NotResource) > 0 {
		b.WriteString(" on NotResource " + strings.Join(st.NotResource, ", "))
	} else if len(st.Resource) > 0 {
		b.WriteString(" on " + strings.Join(st.Resource, ", "))
	}
	if st.Condition {
		b.WriteString(" (with a Condition)")
	}
	return b.String()
}

// Holders names the functions a grant applies to: "the 5 functions of
// service aws-orders (createOrder, …)" when it is all of them, else
// "createOrder, getOrder".
func Holders(ids []string, all []*model.Function) string {
	byID := map[string]*model.Function{}
	for _, fn := range all {
		byID[fn.ID] = fn
	}
	var fns []*model.Function
	for _, id := range ids {
		if fn := byID[id]; fn != nil {
			fns = append(fns, fn)
		}
	}
	if len(fns) == 0 {
		return strings.Join(ids, ", ")
	}
	names := ShortNames(fns, 8)
	if len(fns) == 1 {
		return "function " + names
	}
	for _, g := range ByManifest(all) {
		if g.Manifest == fns[0].Manifest && len(g.Functions) == len(fns) {
			return "all " + plural(len(fns), "function") + " of " + g.Kind() + " (" + names + ")"
		}
	}
	return plural(len(fns), "function") + " (" + names + ")"
}

// AnyPublic returns the names of the functions among ids that anonymous
// callers can invoke.
func AnyPublic(ids []string, all []*model.Function) []string {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []string
	for _, fn := range all {
		if want[fn.ID] && Reachable(fn) {
			out = append(out, fn.Name)
		}
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
