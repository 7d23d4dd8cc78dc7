package ruby

import (
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/walk"
)

// devGroups are the Bundler groups that do not ship.
var devGroups = map[string]bool{"development": true, "test": true, "dev": true, "ci": true}

var (
	gemDecl   = regexp.MustCompile(`^\s*gem\s*\(?\s*["']([^"']+)["']`)
	groupOpt  = regexp.MustCompile(`\bgroups?:\s*(\[[^\]]*\]|:\w+|["'][^"']+["'])`)
	groupOpen = regexp.MustCompile(`^\s*group\s*\(?\s*(.*?)\)?\s+do\b`)
	blockOpen = regexp.MustCompile(`\bdo\s*(\|[^|]*\|)?\s*$|^\s*(if|unless|case|begin|while|until)\b`)
	symbols   = regexp.MustCompile(`:(\w+)|["'](\w+)["']`)
)

// gemfileGroups reads the Gemfile (or gems.rb) beside the lock and returns
// Dev for gems declared only in development or test groups, Runtime for
// the others. It scans lines (a Gemfile is Ruby): group blocks, and
// group:/groups: options on gem lines.
func gemfileGroups(tree *walk.Tree, lockfile string) map[string]deps.Scope {
	name := "Gemfile"
	if path.Base(lockfile) == "gems.locked" {
		name = "gems.rb"
	}
	data, err := tree.ReadFile(path.Join(path.Dir(lockfile), name))
	if err != nil {
		return nil
	}
	out := map[string]deps.Scope{}
	var stack [][]string // groups of each open block (nil for other blocks)
	for _, line := range strings.Split(string(data), "\n") {
		line = stripRubyComment(line)
		trimmed := strings.TrimSpace(line)
		switch {
		case groupOpen.MatchString(line):
			stack = append(stack, names(groupOpen.FindStringSubmatch(line)[1]))
			continue
		case blockOpen.MatchString(line):
			stack = append(stack, nil)
			continue
		case trimmed == "end" && len(stack) > 0:
			stack = stack[:len(stack)-1]
			continue
		}
		m := gemDecl.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var groups []string
		for _, g := range stack {
			groups = append(groups, g...)
		}
		if o := groupOpt.FindStringSubmatch(line); o != nil {
			groups = append(groups, names(o[1])...)
		}
		scope := deps.Runtime
		if len(groups) > 0 && allDev(groups) {
			scope = deps.Dev
		}
		if old, ok := out[m[1]]; !ok || old == deps.Dev {
			out[m[1]] = scope
		}
	}
	return out
}

func names(s string) []string {
	var out []string
	for _, m := range symbols.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

func allDev(groups []string) bool {
	for _, g := range groups {
		if !devGroups[g] {
			return false
		}
	}
	return true
}

// stripRubyComment drops a # comment outside quotes.
func stripRubyComment(s string) string {
	var q byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case q == 0 && c == '#':
			return s[:i]
		}
	}
	return s
}
