package azure

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// File names of an Azure Functions app.
const (
	hostFile     = "host.json"
	functionFile = "function.json"
	settingsFile = "local.settings.json"
)

// app is one Azure Functions app being extracted.
type app struct {
	tree *walk.Tree
	// hostPath is the host.json path; dir is its directory ("." at the
	// root, "pkg.zip!" for an archive root).
	hostPath string
	dir      string
	// name is the app's name, used as the functions' Service.
	name     string
	host     *host
	settings *settings
}

func newApp(t *walk.Tree, hostPath string, h *host) *app {
	dir := path.Dir(hostPath)
	return &app{tree: t, hostPath: hostPath, dir: dir, name: appName(dir, t.Root), host: h, settings: &settings{}}
}

// appName is the app directory's base name, or the scan root's when the app
// is the root itself; archive suffixes ("fn.zip!") are dropped.
func appName(dir, root string) string {
	if dir == "." || dir == "" {
		return rootName(root)
	}
	return trimArchive(path.Base(dir))
}

// rootName is the base name of the scan root, made absolute first when the
// root is "." or "..".
func rootName(root string) string {
	root = filepath.Clean(root)
	base := filepath.Base(root)
	if base == "." || base == ".." {
		if abs, err := filepath.Abs(root); err == nil {
			base = filepath.Base(abs)
		}
	}
	if base == "." || base == ".." || base == string(filepath.Separator) {
		return "app"
	}
	return trimArchive(base)
}

// trimArchive turns "fn.zip!" or "fn.zip" into "fn".
func trimArchive(s string) string {
	s = strings.TrimSuffix(s, "!")
	if strings.EqualFold(path.Ext(s), ".zip") && len(s) > len(".zip") {
		s = s[:len(s)-len(".zip")]
	}
	return s
}

// path returns rel joined to the app directory.
func (a *app) path(rel string) string {
	if a.dir == "." {
		return rel
	}
	return a.dir + "/" + rel
}

// functionDirs lists the names of the app's sub-directories that hold a
// function.json, in path order. Installed dependencies and archive mounts
// are left out. A function folder that also holds a host.json is still a
// function: the Functions host reads only the app root's host.json.
func (a *app) functionDirs() []string {
	prefix := a.path("")
	var dirs []string
	for _, f := range a.tree.Under(a.dir) {
		rel := strings.TrimPrefix(f.Path, prefix)
		d, file, ok := strings.Cut(rel, "/")
		if !ok || file != functionFile || d == "" || d == "node_modules" || strings.HasSuffix(d, "!") {
			continue
		}
		dirs = append(dirs, d)
	}
	return dirs
}
