package python

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// resolveInclude turns the target of -r/-c in file into a tree path. It
// refuses remote, absolute and escaping targets: includes are read only
// inside the scanned tree (and inside the same archive).
func resolveInclude(file, ref string) (string, error) {
	ref = strings.TrimSpace(strings.Trim(ref, `"'`))
	switch {
	case ref == "":
		return "", fmt.Errorf("include without a file name")
	case strings.Contains(ref, "://"):
		return "", fmt.Errorf("remote include %q not fetched", ref)
	case path.IsAbs(ref) || strings.HasPrefix(ref, "~") || strings.HasPrefix(ref, `\`) ||
		len(ref) > 1 && ref[1] == ':':
		return "", fmt.Errorf("include %q refused: absolute paths are not read", ref)
	}
	ref = strings.ReplaceAll(ref, `\`, "/")
	prefix, inner := "", file
	if i := strings.LastIndex(file, walk.ArchiveSep); i >= 0 {
		prefix, inner = file[:i+len(walk.ArchiveSep)], file[i+len(walk.ArchiveSep):]
	}
	joined := path.Join(path.Dir(inner), ref)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		where := "the scanned tree"
		if prefix != "" {
			where = "its archive"
		}
		return "", fmt.Errorf("include %q refused: it leaves %s", ref, where)
	}
	return prefix + joined, nil
}

// devWords mark requirement files for development and tests.
var devWords = map[string]bool{
	"dev": true, "develop": true, "development": true, "test": true, "tests": true,
	"testing": true, "lint": true, "linting": true, "docs": true, "doc": true, "ci": true,
}

// isDevFile tells requirements-dev.txt, test-requirements.txt,
// requirements/dev.txt and the like by their name.
func isDevFile(file string) bool {
	base := strings.ToLower(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	for _, w := range strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if devWords[w] {
			return true
		}
	}
	return false
}
