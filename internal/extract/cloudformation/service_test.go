package cloudformation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// TestServiceName checks where a stack's name comes from: samconfig.toml's
// stack_name, else the directory holding the template (the scanned
// directory's own name for a root template).
func TestServiceName(t *testing.T) {
	const tmpl = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: app.handler\n"
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"samconfig", map[string]string{"template.yaml": tmpl, "samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nstack_name = \"orders-api\"\n"}, "orders-api"},
		{"root dir name", map[string]string{"template.yaml": tmpl}, "my-sam-app"},
		{"sub dir", map[string]string{"stacks/billing/template.yaml": tmpl}, "billing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "my-sam-app")
			for name, body := range c.files {
				p := filepath.Join(root, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte(body), 0o644)
			}
			got := scan(t, root, walk.Options{}, extract.Vars{})
			if len(got.Functions) != 1 || got.Functions[0].Service != c.want {
				t.Fatalf("functions = %+v, want service %q", got.Functions, c.want)
			}
		})
	}
}
