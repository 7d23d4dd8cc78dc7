package config

import (
	"encoding/hex"
	"path"
	"sort"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/cladsec/clad/internal/finding"
)

// DateLayout is the format of until dates.
const DateLayout = "2006-01-02"

// build validates the decoded file and fills a Config over the defaults.
func (c *fileConfig) build() (*Config, []Issue) {
	b := &builder{}
	f := &c.fields
	cfg := Default()
	b.version(&f.Version)
	cfg.Skip = b.globs(&f.Skip, "skip")
	if s := b.str(&f.FailOn, "fail-on"); s != "" {
		sev, err := finding.ParseSeverity(s)
		if err != nil {
			b.addf(f.FailOn.Line, "fail-on: %v", err)
		}
		cfg.FailOn, cfg.FailOnSet = sev, err == nil
	}
	if cats := b.categories(&f.Categories); cats != nil {
		cfg.Categories = cats
	}
	for _, e := range f.Ignores {
		if ig, ok := b.ignore(&e); ok {
			cfg.Ignores = append(cfg.Ignores, ig)
		}
	}
	return cfg, b.issues
}

// version accepts a missing version or 1.
func (b *builder) version(n *yaml.Node) {
	v := b.str(n, "version")
	switch {
	case v == "": // missing: the current version
	case resolve(n).ShortTag() != "!!int":
		b.addf(n.Line, "version must be a number (version: %d), not %s", Version, kindName(n))
	case v != "1":
		b.addf(n.Line, "unsupported version %s: this clad reads config version %d", v, Version)
	}
}

// globs reads a list of path globs in walk.MatchGlob syntax.
func (b *builder) globs(n *yaml.Node, key string) []string {
	var out []string
	for _, it := range b.list(n, key) {
		if !doublestar.ValidatePattern(it.Value) {
			b.addf(it.Line, "%s: invalid path glob %q", key, it.Value)
		}
		out = append(out, it.Value)
	}
	return out
}

// categories reads the categories list; nil when it is missing.
func (b *builder) categories(n *yaml.Node) []finding.Category {
	items := b.list(n, "categories")
	if items == nil {
		return nil
	}
	if len(items) == 0 {
		b.addf(n.Line, "categories is empty: list at least one of code, library, access, data, or leave the key out to run all")
		return nil
	}
	seen := map[finding.Category]bool{}
	var out []finding.Category
	for _, it := range items {
		c, err := finding.ParseCategory(it.Value)
		if err != nil {
			b.addf(it.Line, "categories: %v", err)
			continue
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// ignore validates one ignore entry.
func (b *builder) ignore(e *ignoreEntry) (Ignore, bool) {
	f := &e.fields
	before := len(b.issues)
	ig := Ignore{
		Rule:        b.str(&f.Rule, "rule"),
		Fingerprint: b.str(&f.Fingerprint, "fingerprint"),
		Path:        b.str(&f.Path, "path"),
		Function:    b.str(&f.Function, "function"),
		Reason:      b.str(&f.Reason, "reason"),
		Line:        e.line,
	}
	b.target(e, &ig)
	if ig.Path != "" && !doublestar.ValidatePattern(ig.Path) {
		b.addf(f.Path.Line, "path: invalid path glob %q", ig.Path)
	}
	if _, err := path.Match(ig.Function, ""); err != nil {
		b.addf(f.Function.Line, "function: invalid glob %q", ig.Function)
	}
	if ig.Reason == "" && (isNull(&f.Reason) || resolve(&f.Reason).Kind == yaml.ScalarNode) {
		b.addf(line(&f.Reason, e.line), "ignore entry needs a reason: say why the finding is accepted (key \"reason\")")
	}
	if s := b.str(&f.Until, "until"); s != "" {
		t, err := time.Parse(DateLayout, s)
		if err != nil {
			b.addf(f.Until.Line, "until: %q is not a valid date (want YYYY-MM-DD, e.g. 2027-01-31)", s)
		}
		ig.Until = t
	}
	return ig, len(b.issues) == before
}

// target checks what the ignore selects: a rule glob or a fingerprint.
func (b *builder) target(e *ignoreEntry, ig *Ignore) {
	f := &e.fields
	switch {
	case ig.Rule == "" && ig.Fingerprint == "":
		b.addf(e.line, "ignore entry needs \"rule\" (a rule ID or glob) or \"fingerprint\"")
	case ig.Rule != "" && ig.Fingerprint != "":
		b.addf(e.line, "ignore entry has both \"rule\" and \"fingerprint\": use one")
	case ig.Rule != "":
		if _, err := path.Match(ig.Rule, ""); err != nil {
			b.addf(f.Rule.Line, "rule: invalid glob %q", ig.Rule)
		}
	default:
		if _, err := hex.DecodeString(ig.Fingerprint); err != nil {
			b.addf(f.Fingerprint.Line, "fingerprint: %q is not a fingerprint (hexadecimal, as printed in the findings)", ig.Fingerprint)
		}
	}
}

// sortIssues orders issues by line, keeping the order of issues on a line.
func sortIssues(issues []Issue) {
	sort.SliceStable(issues, func(i, j int) bool { return issues[i].Line < issues[j].Line })
}
