package iam

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Policy is the least-privilege policy clad suggests for one function:
// the statements its code needs, with the calls that justify them.
type Policy struct {
	Function string `json:"function"`
	Name     string `json:"name"`
	Manifest string `json:"manifest"`
	// ManifestKind is the kind of the manifest (serverless, sam, …).
	ManifestKind string `json:"manifest_kind,omitempty"`
	// Complete is false when some code could not be seen (see Gaps): the
	// statements are then a lower bound.
	Complete   bool              `json:"complete"`
	Statements []PolicyStatement `json:"statements"`
	Calls      []Call            `json:"calls"`
	Gaps       []Gap             `json:"gaps,omitempty"`
	Notes      []string          `json:"notes,omitempty"`
}

// PolicyStatement is one Allow statement. Resources are ARN patterns in
// Fn::Sub syntax (${AWS::Region}, ${Table.Arn}) or "*".
type PolicyStatement struct {
	Effect    string   `json:"effect"`
	Actions   []string `json:"actions"`
	Resources []string `json:"resources"`
	// Evidence maps each action to the calls needing it ("file:line").
	Evidence map[string][]string `json:"evidence"`
	// Comment explains a "*" resource.
	Comment string `json:"comment,omitempty"`
}

// Suggest returns the least-privilege policy of fn.
func Suggest(t *walk.Tree, p *model.Project, fn *model.Function) Policy {
	return New(t, p).Suggest(fn)
}

// SuggestAll returns the policies of every AWS function of the project,
// in function-map order.
func SuggestAll(t *walk.Tree, p *model.Project) []Policy {
	a := New(t, p)
	var out []Policy
	for _, fn := range p.Functions {
		if fn.Provider == model.AWS {
			out = append(out, a.Suggest(fn))
		}
	}
	return out
}

// Suggest returns the least-privilege policy of fn.
func (a *Analyzer) Suggest(fn *model.Function) Policy {
	u := a.Usage(fn)
	pol := Policy{Function: fn.ID, Name: fn.Name, Manifest: fn.Manifest, ManifestKind: a.manifestKind(fn.Manifest),
		Complete: u.Complete(""), Calls: u.Calls, Gaps: u.Gaps, Statements: []PolicyStatement{}}
	if pol.Calls == nil {
		pol.Calls = []Call{}
	}
	pol.Statements = groupStatements(u)
	pol.Notes = policyNotes(fn, u)
	return pol
}

func (a *Analyzer) manifestKind(file string) string {
	for _, m := range a.project.Manifests {
		if m.File == file {
			return m.Kind
		}
	}
	return ""
}

// actionNeed collects what one action needs.
type actionNeed struct {
	resources []string
	evidence  []string
	note      string
}

// groupStatements turns needs into statements: one action's resources
// collapse to "*" when one of them is unknown, and actions needing the
// same resources share a statement.
func groupStatements(u *Usage) []PolicyStatement {
	byAction := map[string]*actionNeed{}
	for _, n := range u.Needs {
		if n.Platform {
			continue
		}
		an := byAction[n.Action]
		if an == nil {
			an = &actionNeed{}
			byAction[n.Action] = an
		}
		an.resources = appendUnique(an.resources, n.Resource)
		if n.Resource == anyResource && an.note == "" {
			an.note = n.Note
		}
		for _, ci := range n.Calls {
			c := u.Calls[ci]
			an.evidence = appendUnique(an.evidence, fmt.Sprintf("%s:%d", c.File, c.Line))
		}
	}
	groups := map[string]*PolicyStatement{}
	var keys []string
	for _, action := range sortedKeys(byAction) {
		an := byAction[action]
		res := an.resources
		for _, r := range res {
			if r == anyResource {
				res = []string{anyResource}
				break
			}
		}
		sort.Strings(res)
		key := strings.Join(res, "\x00")
		st := groups[key]
		if st == nil {
			st = &PolicyStatement{Effect: "Allow", Resources: res, Evidence: map[string][]string{}}
			groups[key] = st
			keys = append(keys, key)
		}
		st.Actions = append(st.Actions, action)
		st.Evidence[action] = an.evidence
		if res[0] == anyResource && st.Comment == "" {
			st.Comment = anyComment(an.note)
		}
	}
	out := make([]PolicyStatement, 0, len(keys))
	for _, k := range keys {
		out = append(out, *groups[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Resources[0] == anyResource) != (out[j].Resources[0] == anyResource) {
			return out[j].Resources[0] == anyResource
		}
		return out[i].Actions[0] < out[j].Actions[0]
	})
	return out
}

// anyComment explains a "*" resource.
func anyComment(note string) string {
	if note == "" {
		return "resource not resolved from code: narrow it by hand"
	}
	return "resource not resolved from code (" + note + "): narrow it by hand"
}

// policyNotes tells what the suggestion leaves to the framework.
func policyNotes(fn *model.Function, u *Usage) []string {
	var notes []string
	if !u.Complete("") {
		notes = append(notes, "incomplete: some code could not be analysed (see gaps); add what it needs")
	}
	if len(platformNeeds(fn)) > 0 {
		notes = append(notes, "the permissions to read the function's queue or stream triggers are added by the framework (and by serverless-iam-roles-per-function) and are left out")
	}
	notes = append(notes, "CloudWatch Logs permissions (and X-Ray or VPC ones when enabled) are added by the framework and left out")
	for _, c := range u.Calls {
		if c.Guessed {
			notes = append(notes, "some actions are named after operations clad does not map; check them against the AWS Service Authorization Reference")
			break
		}
	}
	return notes
}
