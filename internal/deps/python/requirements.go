package python

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// Include bounds.
const (
	maxIncludeDepth = 16
	maxIncludeFiles = 128
)

// Requirements reads pip requirements files.
type Requirements struct{}

// NewRequirements returns the requirements*.txt parser.
func NewRequirements() *Requirements { return &Requirements{} }

// Name implements deps.Parser.
func (*Requirements) Name() string { return "python/requirements" }

// FileRequired matches *requirements*.txt and requirements/*.txt.
func (*Requirements) FileRequired(p string) bool {
	if !strings.EqualFold(path.Ext(p), ".txt") {
		return false
	}
	base := strings.ToLower(path.Base(p))
	return strings.Contains(base, "requirements") || strings.EqualFold(path.Base(path.Dir(p)), "requirements")
}

// entry is one requirement read from some file of the include tree.
type entry struct {
	req    Requirement
	file   string
	line   int
	scope  deps.Scope
	via    []string // pip-compile "# via" parents (normalised names)
	hasVia bool
	direct bool // "# via -r file"
}

type reqReader struct {
	tree        *walk.Tree
	entries     []*entry
	constraints map[string]string // normalised name → pinned version
	stack       []string
	done        map[string]bool
	warn        lockbuild.Warnings
}

// Parse implements deps.Parser. Refused or missing includes come back as
// lockbuild.Warnings alongside the lockfile.
func (*Requirements) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	r := &reqReader{tree: tree, constraints: map[string]string{}, done: map[string]bool{}}
	scope := deps.Runtime
	if isDevFile(file) {
		scope = deps.Dev
	}
	if err := r.read(ctx, file, scope, false); err != nil {
		return nil, err
	}
	return r.build(file), r.warn.Err()
}

// read parses file; its errors are returned for the top file and kept as
// warnings for includes.
func (r *reqReader) read(ctx context.Context, file string, scope deps.Scope, constraint bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := lockbuild.ReadText(r.tree, file)
	if err != nil {
		return err
	}
	r.stack = append(r.stack, file)
	defer func() { r.stack = r.stack[:len(r.stack)-1] }()
	r.done[file] = true
	var last *entry
	var inVia bool
	for _, l := range logicalLines(string(data)) {
		if l.comment != "" || l.text == "" {
			inVia = r.viaComment(last, l.comment, inVia)
			continue
		}
		inVia = false
		last = nil
		if strings.HasPrefix(l.text, "-") {
			last = r.option(ctx, file, l, scope, constraint)
			continue
		}
		last = r.requirement(file, l, l.text, scope, constraint, false)
	}
	return nil
}

// option handles -r, -c and -e lines; other options are ignored.
func (r *reqReader) option(ctx context.Context, file string, l reqLine, scope deps.Scope, constraint bool) *entry {
	o := parseOption(l.text)
	switch o.name {
	case "--requirement":
		r.include(ctx, file, l, o.value, scope, constraint)
	case "--constraint":
		r.include(ctx, file, l, o.value, scope, true)
	case "--editable":
		return r.requirement(file, l, o.value, scope, constraint, true)
	}
	return nil
}

func (r *reqReader) include(ctx context.Context, file string, l reqLine, ref string, scope deps.Scope, constraint bool) {
	target, err := resolveInclude(file, ref)
	if err != nil {
		r.warn = append(r.warn, lockbuild.Wrap(file, l.line, err))
		return
	}
	for i, s := range r.stack {
		if s == target {
			cycle := strings.Join(append(append([]string(nil), r.stack[i:]...), target), " -> ")
			r.warn = append(r.warn, lockbuild.Errorf(file, l.line, "include cycle refused: %s", cycle))
			return
		}
	}
	switch {
	case r.done[target]:
		return // already read through another include
	case len(r.stack) >= maxIncludeDepth || len(r.done) >= maxIncludeFiles:
		r.warn = append(r.warn, lockbuild.Errorf(file, l.line, "include %q not read: more than %d nested or %d included files", ref, maxIncludeDepth, maxIncludeFiles))
		return
	case !r.tree.Exists(target):
		r.warn = append(r.warn, lockbuild.Errorf(file, l.line, "included file %s not found", target))
		return
	}
	if scope == deps.Dev && !isDevFile(target) {
		scope = deps.Runtime // requirements-dev.txt pulling in the runtime list
	}
	if err := r.read(ctx, target, scope, constraint); err != nil {
		r.warn = append(r.warn, fmt.Errorf("included from %s:%d: %w", file, l.line, err))
	}
}

// requirement records one requirement (or constraint).
func (r *reqReader) requirement(file string, l reqLine, text string, scope deps.Scope, constraint, editable bool) *entry {
	spec, hashes := splitLineOptions(text)
	req, ok := ParseRequirement(spec)
	if !ok {
		if editable && isLocalPath(spec) {
			return nil // -e . : the project itself
		}
		r.warn = append(r.warn, lockbuild.Errorf(file, l.line, "requirement %q not understood; skipped", truncate(spec, 80)))
		return nil
	}
	req.Hashes, req.Editable = hashes, editable
	if constraint {
		if v := req.Pinned(); v != "" && req.URL == "" {
			r.constraints[Normalize(req.Name)] = v
		}
		return nil
	}
	e := &entry{req: req, file: file, line: l.line, scope: scope}
	r.entries = append(r.entries, e)
	return e
}

func isLocalPath(s string) bool {
	return s == "." || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || strings.HasPrefix(s, "file:")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
