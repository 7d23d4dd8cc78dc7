package cloudformation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// A lambda:InvokeFunction permission for everyone that is limited to calls
// through the function URL (InvokedViaFunctionUrl) does not make the
// function public; the same permission without it does.
func TestPermissionViaFunctionURL(t *testing.T) {
	for _, c := range []struct {
		name, extra string
		public      bool
	}{
		{"via url", "      InvokedViaFunctionUrl: true\n", false},
		{"direct", "", true},
		{"via url false", "      InvokedViaFunctionUrl: false\n", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			tpl := `Resources:
  Hook:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: {ZipFile: "exports.handler = async () => ({})"}
  HookInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Hook
      Action: lambda:InvokeFunction
      Principal: '*'
` + c.extra
			if err := os.WriteFile(filepath.Join(dir, "template.yaml"), []byte(tpl), 0o644); err != nil {
				t.Fatal(err)
			}
			fn := byName(t, scan(t, dir, walk.Options{}, extract.Vars{}), "Hook")
			if len(fn.Triggers) != 1 || fn.Triggers[0].Type != "permission" {
				t.Fatalf("triggers = %+v", fn.Triggers)
			}
			if fn.Triggers[0].Public != c.public || fn.Public != c.public {
				t.Errorf("trigger public %v, function public %v, want %v", fn.Triggers[0].Public, fn.Public, c.public)
			}
		})
	}
}
