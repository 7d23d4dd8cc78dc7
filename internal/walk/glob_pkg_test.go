package walk

import (
	"testing"

	"github.com/cladsec/clad/internal/model"
)

// The last matching package pattern wins; "!x" leaves x out.
func TestPackageExcludes(t *testing.T) {
	p := &model.Package{Patterns: []string{"!test/**", "!.env*", "test/keep.js"}}
	for rel, want := range map[string]bool{"test/a.js": true, "test/keep.js": false, ".env": true, "src/a.js": false} {
		if got := PackageExcludes(p, rel); got != want {
			t.Errorf("PackageExcludes(%s) = %v", rel, got)
		}
	}
	if PackageExcludes(nil, "a.js") {
		t.Error("no package settings exclude nothing")
	}
}
