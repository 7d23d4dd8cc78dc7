package handling

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Configuration files that ship with the code: JSON files a handler loads
// (require('./config.json')) and .env files inside a function's package.

// maxConfigSize bounds the configuration files read.
const maxConfigSize = 1 << 20

// urlKeyWords end the names of settings that hold an endpoint.
var urlKeyWords = set("url", "uri", "endpoint", "href", "webhook", "host", "server", "api", "base")

// jsonIssue is a setting in a JSON file.
type jsonIssue struct {
	line                   int
	rule, detail, evidence string
}

// jsonSettings returns the problems of a JSON config file: endpoint-like
// keys with http:// values, TLS and log-event switches.
func jsonSettings(data []byte) ([]jsonIssue, error) {
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("larger than %d bytes", maxConfigSize)
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		return nil, err
	}
	var out []jsonIssue
	var visit func(n *cfgtree.Node, depth int)
	visit = func(n *cfgtree.Node, depth int) {
		if n == nil || depth > 32 {
			return
		}
		for _, it := range n.Items {
			visit(it, depth+1)
		}
		for _, e := range n.Entries {
			if e.Value.IsScalar() && settingKey(e.Key) {
				if rule, detail, ev, ok := checkSetting(e.Key, e.Value.Value); ok {
					out = append(out, jsonIssue{e.Line, rule, detail, ev})
				}
			}
			visit(e.Value, depth+1)
		}
	}
	visit(root, 0)
	return out, nil
}

// settingKey reports keys whose value configures a connection.
func settingKey(key string) bool {
	if tlsEnvVars[key] != "" || key == "POWERTOOLS_LOGGER_LOG_EVENT" {
		return true
	}
	ws := words(key)
	return len(ws) > 0 && urlKeyWords[ws[len(ws)-1]]
}

// isDotenv reports a .env file meant to be loaded (not an example).
func isDotenv(p string) bool {
	base := path.Base(p)
	if base == ".env" {
		return true
	}
	if !strings.HasPrefix(base, ".env.") {
		return false
	}
	switch strings.TrimPrefix(base, ".env.") {
	case "example", "sample", "template", "dist", "defaults", "test", "local.example":
		return false
	}
	return true
}

// dotenvSettings returns the problems of a .env file, by line.
func dotenvSettings(data []byte) []jsonIssue {
	var out []jsonIssue
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxConfigSize)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		l = strings.TrimPrefix(l, "export ")
		name, value, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		if rule, detail, ev, ok := checkSetting(strings.TrimSpace(name), value); ok {
			out = append(out, jsonIssue{n, rule, detail, ev})
		}
	}
	return out
}

// shipping returns the functions whose package holds file: it lies under
// the function's code directory and the package patterns keep it.
func shipping(fns []*model.Function, file string) []*model.Function {
	var out []*model.Function
	for _, fn := range fns {
		dir := fn.CodeDir
		if dir == "" && fn.File != "" {
			dir = path.Dir(fn.File)
		}
		if dir == "" {
			continue
		}
		if rel, ok := within(file, dir); ok && !walk.PackageExcludes(fn.Package, rel) {
			out = append(out, fn)
		}
	}
	return out
}

// within reports whether file lies under dir and returns its path
// relative to dir.
func within(file, dir string) (string, bool) {
	dir = strings.TrimSuffix(dir, "/")
	switch {
	case dir == "" || dir == ".":
		return file, !strings.Contains(file, walk.ArchiveSep)
	case strings.HasSuffix(dir, "!"):
		dir = strings.TrimSuffix(dir, "!")
		return strings.TrimPrefix(file, dir+walk.ArchiveSep), strings.HasPrefix(file, dir+walk.ArchiveSep)
	case strings.HasPrefix(file, dir+"/"):
		return file[len(dir)+1:], true
	case strings.HasPrefix(file, dir+walk.ArchiveSep):
		return file[len(dir)+len(walk.ArchiveSep):], true
	}
	return "", false
}
