package rotation

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

func TestInclude(t *testing.T) {
	cases := map[string]fileInclude{
		"${file(resources.yml)}":           {path: "resources.yml"},
		"${file(./res/kms.yml):Resources}": {path: "./res/kms.yml", selector: "Resources"},
		" ${file('x.yml'):a.b} ":           {path: "x.yml", selector: "a.b"},
	}
	for in, want := range cases {
		got, ok := include(cfgtree.NewScalar(in, 1))
		if !ok || got != want {
			t.Errorf("include(%q) = %+v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"${self:custom.x}", "${file(a.yml)}-${file(b.yml)}", "${file()}", "plain"} {
		if _, ok := include(cfgtree.NewScalar(in, 1)); ok {
			t.Errorf("include(%q) accepted", in)
		}
	}
}

func TestRefTarget(t *testing.T) {
	ref := &cfgtree.Node{Kind: cfgtree.Scalar, Tag: "!Ref", Value: "S"}
	long := &cfgtree.Node{Kind: cfgtree.Map, Entries: []cfgtree.Entry{{Key: "Ref", Value: cfgtree.NewScalar("S", 1)}}}
	sub := &cfgtree.Node{Kind: cfgtree.Scalar, Tag: "!Sub", Value: "${S}"}
	for n, want := range map[*cfgtree.Node]string{ref: "S", long: "S", cfgtree.NewScalar("S", 1): "S", sub: "", nil: ""} {
		if got := refTarget(n); got != want {
			t.Errorf("refTarget(%+v) = %q, want %q", n, got, want)
		}
	}
}

func TestManifestsSkipsPackagedCopy(t *testing.T) {
	ms := []model.Manifest{
		{File: "svc/.serverless/cloudformation-template-update-stack.json", Kind: "serverless-package"},
		{File: "other/.serverless/cloudformation-template-update-stack.json", Kind: "serverless-package"},
		{File: "template.yaml", Kind: "sam"},
		{File: "svc/serverless.yml", Kind: "serverless"},
		{File: "app/host.json", Kind: "azure"},
	}
	var got []string
	for _, m := range manifests(ms) {
		got = append(got, m.File)
	}
	want := []string{"svc/serverless.yml", "other/.serverless/cloudformation-template-update-stack.json", "template.yaml"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("manifests (-want +got):\n%s", diff)
	}
}

// TestWithoutFunctions: a template that declares no function still has
// its findings, attributed to none; a broken template is a warning.
func TestWithoutFunctions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("keys.yaml", "Resources:\n  K:\n    Type: AWS::KMS::Key\n")
	write("broken.yaml", "Resources: [\n")
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	var warned []model.Problem
	in := &detect.Input{
		Project: &model.Project{Manifests: []model.Manifest{{File: "keys.yaml", Kind: "cloudformation"}, {File: "broken.yaml", Kind: "cloudformation"}}},
		Tree:    tree, NotRun: func(string) {}, Warn: func(p model.Problem) { warned = append(warned, p) },
	}
	var got []finding.Finding
	if err := New().Detect(context.Background(), in, func(f finding.Finding) { got = append(got, f) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Line != 2 || len(got[0].Functions) != 0 || got[0].Message == "" {
		t.Errorf("findings = %+v", got)
	}
	if len(warned) != 1 || warned[0].File != "broken.yaml" {
		t.Errorf("warnings = %+v", warned)
	}
}

// FuzzCheck reads arbitrary templates: no panic.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties: {EnableKeyRotation: false}\n"))
	f.Add([]byte(`{"Resources": {"S": {"Type": "AWS::SecretsManager::Secret"}, "R": {"Type": "AWS::SecretsManager::RotationSchedule", "Properties": {"SecretId": {"Ref": "S"}}}}}`))
	f.Add([]byte("Resources: ${file(x.yml)}\nresources: [${file(y.yml):Resources}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := cfgtree.Parse(data)
		if err != nil {
			return
		}
		for _, r := range check(entries(root.Get("Resources"), "t.yaml")) {
			attribute([]*model.Function{{ID: "s/f", Name: "f"}}, r)
		}
		for _, part := range root.Get("resources").List() {
			include(part)
		}
	})
}
