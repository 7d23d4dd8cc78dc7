package handling

import (
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/source"
)

// TestSilencedWarning: verify=False next to urllib3.disable_warnings()
// says so in the finding.
func TestSilencedWarning(t *testing.T) {
	src := "import requests\nimport urllib3\nurllib3.disable_warnings()\n\ndef f(u):\n    return requests.get(u, verify=False)\n"
	f, err := source.Parse("app.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a := analyze(f)
	if len(a.issues) != 1 || !strings.Contains(a.issues[0].detail, "silences urllib3's warning about it (line 3)") {
		t.Fatalf("issues = %+v", a.issues)
	}
}
