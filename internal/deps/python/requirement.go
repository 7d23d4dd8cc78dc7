package python

import (
	"path"
	"regexp"
	"strings"
)

// Requirement is one PEP 508 requirement as written in a requirements
// file, a Pipfile, a pyproject or METADATA's Requires-Dist.
type Requirement struct {
	// Name is as written; Normalize it to compare.
	Name   string
	Extras []string
	// Specifier is the version clause (">=1.0,<2"), without parentheses.
	Specifier string
	// Marker is the environment marker after ";" (python_version < "3.8").
	Marker string
	// URL is set for "name @ url", bare URLs and editable requirements.
	URL      string
	Editable bool
	// Hashes are the --hash options of the line.
	Hashes []string
}

// Pinned returns the version when the specifier pins exactly one release
// (== without a wildcard, or ===).
func (r Requirement) Pinned() string {
	s := strings.TrimSpace(r.Specifier)
	if strings.Contains(s, ",") {
		return ""
	}
	for _, op := range []string{"===", "=="} {
		if v, ok := strings.CutPrefix(s, op); ok {
			v = strings.TrimSpace(v)
			if v == "" || strings.Contains(v, "*") || strings.ContainsAny(v, " <>=!~") {
				return ""
			}
			return v
		}
	}
	return ""
}

var (
	reqName  = regexp.MustCompile(`^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*`)
	eggName  = regexp.MustCompile(`[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)`)
	archived = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*?)-(\d[^-]*?)(?:-[^/]*\.whl|\.tar\.gz|\.tar\.bz2|\.zip|\.tgz)$`)
)

// ParseRequirement reads a PEP 508 requirement ("name[extra] >=1 ; marker",
// "name @ url", or a bare URL or path); ok is false when no project name
// can be found.
func ParseRequirement(s string) (Requirement, bool) {
	s = strings.TrimSpace(s)
	var r Requirement
	if isURLish(s) {
		return urlRequirement(s)
	}
	m := reqName.FindStringSubmatch(s)
	if m == nil {
		return r, false
	}
	r.Name = m[1]
	rest := s[len(m[0]):]
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return r, false
		}
		r.Extras = splitList(rest[1:end])
		rest = strings.TrimSpace(rest[end+1:])
	}
	if at, ok := strings.CutPrefix(rest, "@"); ok {
		url, marker := cutMarker(strings.TrimSpace(at), true)
		r.URL, r.Marker = url, marker
		return r, r.URL != ""
	}
	spec, marker := cutMarker(rest, false)
	r.Marker = marker
	spec = strings.TrimSpace(spec)
	if strings.HasPrefix(spec, "(") && strings.HasSuffix(spec, ")") {
		spec = strings.TrimSpace(spec[1 : len(spec)-1])
	}
	if spec != "" && !strings.ContainsAny(spec[:1], "<>=!~") {
		return r, false
	}
	r.Specifier = strings.Join(strings.Fields(spec), "")
	return r, true
}

// cutMarker splits "spec ; marker". After a URL the ";" must follow a
// space, as PEP 508 asks, since URLs may contain ";".
func cutMarker(s string, url bool) (string, string) {
	sep := ";"
	if url {
		sep = " ;"
	}
	before, after, ok := strings.Cut(s, sep)
	if !ok {
		return strings.TrimSpace(s), ""
	}
	return strings.TrimSpace(before), strings.TrimSpace(strings.TrimPrefix(after, ";"))
}

func isURLish(s string) bool {
	for _, p := range []string{"git+", "hg+", "svn+", "bzr+", "http://", "https://", "file:", "./", "../", "/", "~"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return strings.HasSuffix(strings.Fields(s + " x")[0], ".whl")
}

// urlRequirement names a bare URL or path from its #egg= fragment or from
// a wheel or sdist file name (which also gives the version).
func urlRequirement(s string) (Requirement, bool) {
	url, marker := cutMarker(s, true)
	r := Requirement{URL: url, Marker: marker}
	if m := eggName.FindStringSubmatch(url); m != nil {
		r.Name = m[1]
		return r, true
	}
	base := path.Base(strings.SplitN(strings.SplitN(url, "#", 2)[0], "?", 2)[0])
	if m := archived.FindStringSubmatch(base); m != nil {
		r.Name = m[1]
		r.Specifier = "==" + m[2]
		return r, true
	}
	return r, false
}

func splitList(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}
