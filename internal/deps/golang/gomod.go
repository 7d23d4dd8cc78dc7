package golang

import (
	"context"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// GoMod reads go.mod files.
type GoMod struct{}

// NewGoMod returns the go.mod parser.
func NewGoMod() *GoMod { return &GoMod{} }

// Name implements deps.Parser.
func (*GoMod) Name() string { return "go/gomod" }

// FileRequired implements deps.Parser.
func (*GoMod) FileRequired(p string) bool { return path.Base(p) == "go.mod" }

// require is a require directive after replacements.
type require struct {
	path, version string
	indirect      bool
	line          int
}

// replacement is a replace directive; an empty oldVersion replaces every
// version, an empty newVersion points at a local directory.
type replacement struct {
	oldPath, oldVersion, newPath, newVersion string
	line                                     int
}

// modFile is what clad reads from a go.mod.
type modFile struct {
	module, goVersion, toolchain string
	goLine, toolchainLine        int
	requires                     []require
	replaces                     []replacement
}

// Parse implements deps.Parser. Direct requirements are the roots;
// indirect ones have no edges (go.mod keeps no graph). The go or
// toolchain directive gives the "stdlib" package. go.sum, when present,
// confirms the requirements and, for go.mod files older than Go 1.17
// (whose require list is incomplete), adds the modules only it lists.
func (*GoMod) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	mf, err := readModFile(file, string(data))
	if err != nil {
		return nil, err
	}
	b := lockbuild.New(file, deps.Go, "go.mod")
	for _, r := range mf.requires {
		p := mf.resolve(r, file)
		if r.indirect {
			b.Add(p)
			continue
		}
		b.Root(b.Add(p).ID, deps.Unknown)
	}
	if std := mf.stdlib(file); std != nil {
		b.Root(b.Add(std).ID, deps.Runtime)
	}
	warn := confirmGoSum(b, tree, file, mf)
	return b.Finish(false), warn.Err()
}

func readModFile(file, data string) (*modFile, error) {
	lines, err := parseModFile(data)
	if err != nil {
		return nil, lockbuild.Wrap(file, lineOf(err), err)
	}
	mf := &modFile{}
	for _, l := range lines {
		if err := mf.directive(l); err != nil {
			return nil, lockbuild.Errorf(file, l.line, "%s: %v", l.verb, err)
		}
	}
	if mf.module == "" && len(mf.requires) == 0 {
		return nil, lockbuild.Errorf(file, 0, "not a go.mod: no module or require directive")
	}
	return mf, nil
}

func (mf *modFile) directive(l modLine) error {
	switch l.verb {
	case "module":
		if len(l.args) != 1 {
			return errArgs
		}
		mf.module = l.args[0]
	case "go":
		if len(l.args) != 1 {
			return errArgs
		}
		mf.goVersion, mf.goLine = l.args[0], l.line
	case "toolchain":
		if len(l.args) != 1 {
			return errArgs
		}
		mf.toolchain, mf.toolchainLine = l.args[0], l.line
	case "require":
		if len(l.args) != 2 {
			return errArgs
		}
		mf.requires = append(mf.requires, require{path: l.args[0], version: l.args[1], indirect: isIndirect(l.comment), line: l.line})
	case "replace":
		r, err := parseReplace(l)
		if err != nil {
			return err
		}
		mf.replaces = append(mf.replaces, r)
	}
	return nil // exclude, retract, godebug, tool, ignore: no effect on the list
}

// parseReplace reads "old [v] => new [v]".
func parseReplace(l modLine) (replacement, error) {
	arrow := -1
	for i, a := range l.args {
		if a == "=>" {
			arrow = i
		}
	}
	if arrow < 1 || arrow > 2 || len(l.args)-arrow-1 < 1 || len(l.args)-arrow-1 > 2 {
		return replacement{}, errArgs
	}
	r := replacement{oldPath: l.args[0], newPath: l.args[arrow+1], line: l.line}
	if arrow == 2 {
		r.oldVersion = l.args[1]
	}
	if len(l.args) == arrow+3 {
		r.newVersion = l.args[arrow+2]
	}
	return r, nil
}

// resolve applies the replace directives to a requirement: an exact
// old@version replacement wins over a path-wide one.
func (mf *modFile) resolve(r require, file string) *deps.Package {
	var hit *replacement
	for i := range mf.replaces {
		rep := &mf.replaces[i]
		if rep.oldPath != r.path || rep.oldVersion != "" && rep.oldVersion != r.version {
			continue
		}
		if hit == nil || rep.oldVersion != "" {
			hit = rep
		}
	}
	switch {
	case hit == nil:
		return newModule(r.path, r.version, file, r.line)
	case hit.newVersion == "":
		// A local directory: the upstream releases' advisories do not apply.
		return newModule(r.path, "", file, hit.line)
	}
	return newModule(hit.newPath, hit.newVersion, file, hit.line)
}

// stdlib returns the standard library package from the toolchain
// directive, else the go directive.
func (mf *modFile) stdlib(file string) *deps.Package {
	if mf.toolchain != "" {
		if p := newStdlib(mf.toolchain, file, mf.toolchainLine); p != nil {
			return p
		}
	}
	if mf.goVersion != "" {
		return newStdlib(mf.goVersion, file, mf.goLine)
	}
	return nil
}

// lineOf pulls "line N:" out of a modfile syntax error.
func lineOf(err error) int {
	var n int
	s := err.Error()
	if strings.HasPrefix(s, "line ") {
		for _, c := range s[5:] {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
	}
	return n
}
