package maven

import (
	"context"
	"path"
	"strings"
	"unicode"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// Gradle reads Gradle dependency lockfiles: gradle.lockfile (one line per
// module with its configurations) and the older per-configuration files
// in gradle/dependency-locks/.
type Gradle struct{}

// NewGradle returns the Gradle lockfile parser.
func NewGradle() *Gradle { return &Gradle{} }

// Name implements deps.Parser.
func (*Gradle) Name() string { return "maven/gradle-lockfile" }

// FileRequired matches gradle.lockfile, buildscript-gradle.lockfile and
// gradle/dependency-locks/*.lockfile.
func (*Gradle) FileRequired(p string) bool {
	base := path.Base(p)
	return strings.HasSuffix(base, "gradle.lockfile") ||
		strings.HasSuffix(path.Dir(p), "gradle/dependency-locks") && strings.HasSuffix(base, ".lockfile")
}

// Parse implements deps.Parser. The lockfile has no graph and does not
// tell direct dependencies, so there are no roots. A module used only by
// test configurations (or by the build script) is Dev; one on a runtime
// classpath is Runtime; one only on compile-time classpaths is Unknown.
func (*Gradle) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	base := path.Base(file)
	legacyConf := ""
	if !strings.HasSuffix(base, "gradle.lockfile") {
		legacyConf = strings.TrimSuffix(base, ".lockfile")
	}
	buildscript := strings.HasPrefix(base, "buildscript")
	b := lockbuild.New(file, deps.Maven, "gradle.lockfile")
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "empty=") {
			continue
		}
		coords, confs, _ := strings.Cut(line, "=")
		parts := strings.Split(coords, ":")
		if len(parts) < 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return nil, lockbuild.Errorf(file, i+1, "not a group:artifact:version line: %q", truncate(line, 80))
		}
		var conf []string
		if legacyConf != "" {
			conf = []string{legacyConf}
		} else {
			conf = strings.Split(confs, ",")
		}
		p := newArtifact(parts[0], parts[1], parts[2], file, i+1)
		p.Scope = gradleScope(conf, buildscript)
		b.Add(p)
	}
	return b.Finish(false), nil
}

func gradleScope(confs []string, buildscript bool) deps.Scope {
	if buildscript {
		return deps.Dev
	}
	allTest, runtime, n := true, false, 0
	for _, c := range confs {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		test := isTestConf(c)
		allTest = allTest && test
		if !test && strings.Contains(strings.ToLower(c), "runtimeclasspath") {
			runtime = true
		}
	}
	switch {
	case runtime:
		return deps.Runtime
	case allTest && n > 0:
		return deps.Dev
	}
	return deps.Unknown
}

// isTestConf tells test configurations: testRuntimeClasspath,
// integrationTestCompileClasspath, debugAndroidTestRuntimeClasspath…
func isTestConf(c string) bool {
	if strings.HasPrefix(c, "test") {
		return true
	}
	for i := 1; i+4 <= len(c); i++ {
		if c[i:i+4] == "Test" && unicode.IsLower(rune(c[i-1])) {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
