package secrets

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// attribution answers "which functions receive this secret?" from the
// function map.
type attribution struct {
	in        *detect.Input
	fns       []*model.Function
	envAt     map[string][]envUse // "file:line" -> uses
	manifests map[string]bool
	// funcignored caches whether a local.settings.json is kept out of the
	// package by the .funcignore beside it.
	funcignored map[string]bool
}

// envUse is one function's environment variable.
type envUse struct {
	fn  *model.Function
	env model.EnvVar
}

func newAttribution(in *detect.Input) *attribution {
	a := &attribution{in: in, envAt: map[string][]envUse{}, manifests: map[string]bool{}, funcignored: map[string]bool{}}
	if in.Project == nil {
		return a
	}
	a.fns = in.Project.Functions
	for _, m := range in.Project.Manifests {
		a.manifests[m.File] = true
	}
	for _, fn := range a.fns {
		if fn.Manifest != "" {
			a.manifests[fn.Manifest] = true
		}
		for _, e := range fn.Environment {
			k := locKey(e.Source.File, e.Source.Line)
			a.envAt[k] = append(a.envAt[k], envUse{fn, e})
		}
	}
	return a
}

func locKey(file string, line int) string { return file + ":" + strconv.Itoa(line) }

// envUses returns the environment variables declared at file:line.
func (a *attribution) envUses(file string, line int) []envUse { return a.envAt[locKey(file, line)] }

// byValue returns the environment variables whose literal value holds
// secret (a value from a custom: section or a ${file()} include).
func (a *attribution) byValue(secret string) []envUse {
	if len(secret) < 8 {
		return nil
	}
	var out []envUse
	for _, fn := range a.fns {
		for _, e := range fn.Environment {
			if e.Resolved && strings.Contains(e.Value, secret) {
				out = append(out, envUse{fn, e})
				break
			}
		}
	}
	return out
}

// ofManifest returns the functions a manifest declares.
func (a *attribution) ofManifest(file string) []*model.Function {
	var out []*model.Function
	for _, fn := range a.fns {
		if fn.Manifest == file {
			out = append(out, fn)
		}
	}
	return out
}

// ofApp returns the functions of the Azure app whose local.settings.json is
// file: those whose manifest (host.json) or settings sit in its directory.
func (a *attribution) ofApp(file string) []*model.Function {
	dir := path.Dir(file)
	var out []*model.Function
	for _, fn := range a.fns {
		if path.Dir(fn.Manifest) == dir && fn.Manifest != "" {
			out = append(out, fn)
			continue
		}
		for _, e := range fn.Environment {
			if e.Source.File == file {
				out = append(out, fn)
				break
			}
		}
	}
	return out
}

// shipping returns the functions whose code directory holds file and whose
// package does not leave it out.
func (a *attribution) shipping(file string) []*model.Function {
	var out []*model.Function
	for _, fn := range a.fns {
		dir := fn.CodeDir
		if dir == "" && fn.File != "" {
			dir = path.Dir(fn.File)
		}
		if dir == "" && fn.File == "" {
			continue
		}
		rel, ok := within(file, dir)
		if ok && !walk.PackageExcludes(fn.Package, rel) {
			out = append(out, fn)
		}
	}
	return out
}

// within reports whether file lies under dir (a directory or a zip
// prefix) and returns its path relative to dir.
func within(file, dir string) (string, bool) {
	dir = strings.TrimSuffix(dir, "/")
	switch {
	case dir == "" || dir == ".":
		return file, true
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

// isFuncignored reports whether the .funcignore next to a
// local.settings.json keeps it out of the deployed package.
func (a *attribution) isFuncignored(file string) bool {
	if v, ok := a.funcignored[file]; ok {
		return v
	}
	ignored := false
	if a.in.Tree != nil {
		ign := path.Join(path.Dir(file), ".funcignore")
		if data, err := a.in.Tree.ReadFile(ign); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line != "" && !strings.HasPrefix(line, "#") && walk.MatchGlob(line, path.Base(file)) {
					ignored = true
				}
			}
		}
	}
	a.funcignored[file] = ignored
	return ignored
}

// ids returns the sorted, unique IDs of fns.
func ids(fns []*model.Function) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, fn := range fns {
		if !seen[fn.ID] {
			seen[fn.ID] = true
			out = append(out, fn.ID)
		}
	}
	sort.Strings(out)
	return out
}
