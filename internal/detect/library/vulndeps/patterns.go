package vulndeps

import (
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// excludedBy applies Serverless package.patterns (in order; "!glob"
// excludes, "glob" includes again) to an installed package, id being its
// node_modules path relative to the service directory. It returns the
// pattern that leaves the package out, or "".
func excludedBy(patterns []string, id string) string {
	if len(patterns) == 0 || !strings.Contains(id, "node_modules/") {
		return ""
	}
	probe := id + "/package.json"
	out := ""
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		glob := strings.TrimPrefix(strings.TrimPrefix(p, "!"), "./")
		if ok, err := doublestar.Match(glob, probe); err != nil || !ok {
			continue
		}
		if neg {
			out = p
		} else {
			out = ""
		}
	}
	return out
}
