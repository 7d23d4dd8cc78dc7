package iam

import (
	"sort"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Shared is one statement and every function it applies to: a provider
// role statement appears once, attributed to all the service's functions.
type Shared struct {
	Statement model.Statement
	// Functions are the IDs of the functions holding it, sorted.
	Functions []string
}

// GroupStatements collects the statements of fns that keep passes, one
// entry per distinct statement (same origin, place and content), in file
// and line order.
func GroupStatements(fns []*model.Function, keep func(model.Statement) bool) []Shared {
	index := map[string]int{}
	var out []Shared
	for _, fn := range fns {
		for _, st := range fn.Statements {
			if keep != nil && !keep(st) {
				continue
			}
			k := StatementKey(st)
			i, seen := index[k]
			if !seen {
				i = len(out)
				index[k] = i
				out = append(out, Shared{Statement: st})
			}
			if !contains(out[i].Functions, fn.ID) {
				out[i].Functions = append(out[i].Functions, fn.ID)
			}
		}
	}
	for i := range out {
		sort.Strings(out[i].Functions)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Statement.Source, out[j].Statement.Source
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return out
}

// StatementKey identifies a statement by origin, place and content.
func StatementKey(st model.Statement) string {
	return strings.Join([]string{
		st.Origin, st.Source.File, strconv.Itoa(st.Source.Line), st.Effect,
		strings.Join(st.Action, ","), strings.Join(st.NotAction, ","),
		strings.Join(st.Resource, ","), strings.Join(st.NotResource, ","),
	}, "\x00")
}

// ContentKey identifies a statement by what it says, without its line:
// a stable part of a finding's fingerprint.
func ContentKey(st model.Statement) string {
	return strings.Join([]string{
		st.Origin, strings.Join(st.Action, ","), strings.Join(st.NotAction, ","),
		strings.Join(st.Resource, ","), strings.Join(st.NotResource, ","),
	}, "|")
}

// Allows reports a resolved Allow statement, the only kind the detectors
// weigh (unresolved ones could say anything).
func Allows(st model.Statement) bool {
	return st.Resolved && strings.EqualFold(strings.TrimSpace(st.Effect), "Allow")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
