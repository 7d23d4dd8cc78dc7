package wildcard_test

import (
	"flag"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/wildcard"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRules(t *testing.T) { accesstest.CheckRules(t, wildcard.New()) }

func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, wildcard.New()) }

// TestSkips covers what no manifest in the fixtures produces: unresolved
// statements and empty actions.
func TestSkips(t *testing.T) {
	fn := &model.Function{ID: "s/f", Name: "f", Statements: []model.Statement{
		{Effect: "Allow", Action: []string{"*"}, Resource: []string{"*"}, Resolved: false, Source: model.Location{File: "t.yaml", Line: 3}},
		{Effect: "Allow", Origin: "sam-policy:Unknown", Resolved: true, Source: model.Location{File: "t.yaml", Line: 4}},
		{Effect: "Allow", Resolved: true, Source: model.Location{File: "t.yaml", Line: 5}},
	}}
	if got := accesstest.Collect(t, wildcard.New(), accesstest.Project(fn)); len(got) != 0 {
		t.Errorf("want no finding, got %v", got)
	}
}

func TestConditionLowers(t *testing.T) {
	fn := &model.Function{ID: "s/f", Name: "f", Statements: []model.Statement{
		{Effect: "Allow", Action: []string{"iam:PassRole"}, Resource: []string{"*"}, Condition: true, Resolved: true,
			Origin: "function", Source: model.Location{File: "t.yaml", Line: 3}},
	}}
	got := accesstest.Collect(t, wildcard.New(), accesstest.Project(fn))
	if len(got) != 1 || got[0].Rule != wildcard.PassRoleRule.ID || got[0].Severity != finding.SeverityMedium {
		t.Errorf("want one medium passrole finding, got %+v", got)
	}
}
