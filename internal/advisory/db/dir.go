package db

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// EnvDir names the environment variable that overrides the database
// directory.
const EnvDir = "CLAD_DB_DIR"

// DefaultDir returns $CLAD_DB_DIR, else clad/db under the user cache
// directory ($XDG_CACHE_HOME/clad/db or ~/.cache/clad/db on Linux).
func DefaultDir() (string, error) {
	if d := strings.TrimSpace(os.Getenv(EnvDir)); d != "" {
		return d, nil
	}
	c, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("locate the advisory database (set %s): %w", EnvDir, err)
	}
	return filepath.Join(c, "clad", "db"), nil
}

var (
	genPattern  = regexp.MustCompile(`^gen-[0-9A-Za-z-]{1,64}$`)
	filePattern = regexp.MustCompile(`^[0-9A-Za-z._-]{1,100}\.idx$`)
	unsafeChars = regexp.MustCompile(`[^0-9A-Za-z._-]+`)
)

func validGen(name string) bool { return genPattern.MatchString(name) }
func validFileName(name string) bool {
	return filePattern.MatchString(name) && !strings.HasPrefix(name, ".")
}

// fileNameFor returns a file name for an ecosystem's index, unique among
// used.
func fileNameFor(eco string, used map[string]bool) string {
	base := strings.Trim(unsafeChars.ReplaceAllString(eco, "_"), ".")
	if base == "" {
		base = "eco"
	}
	if len(base) > 80 {
		base = base[:80]
	}
	name := base + ".idx"
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d.idx", base, i)
	}
	used[name] = true
	return name
}
