package python

import (
	"strings"
)

// metadata is what clad reads from a core metadata file (METADATA).
type metadata struct {
	name, version string
	license       string // License-Expression, or a short License field
	licenseLong   string // License text, when it is not a short name
	classifiers   []string
	requires      []string
	nameLine      int
}

// parseMetadata reads the RFC 822 style header of a METADATA file; the
// body (the long description) after the first blank line is ignored.
func parseMetadata(data string) metadata {
	var m metadata
	var key, val string
	var line int
	flush := func() {
		if key != "" {
			m.set(key, val, line)
		}
		key, val = "", ""
	}
	for i, raw := range strings.Split(data, "\n") {
		raw = strings.TrimRight(raw, "\r")
		if raw == "" {
			break
		}
		if raw[0] == ' ' || raw[0] == '\t' {
			val += "\n" + strings.TrimSpace(raw)
			continue
		}
		flush()
		k, v, ok := strings.Cut(raw, ":")
		if !ok {
			continue
		}
		key, val, line = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v), i+1
	}
	flush()
	return m
}

func (m *metadata) set(key, val string, line int) {
	switch key {
	case "name":
		m.name, m.nameLine = val, line
	case "version":
		m.version = val
	case "license-expression":
		m.license = val
	case "license":
		m.licenseLong = val
	case "classifier":
		m.classifiers = append(m.classifiers, val)
	case "requires-dist":
		m.requires = append(m.requires, val)
	}
}

// licenseAliases map common short License field values and trove
// classifiers to SPDX identifiers.
var licenseAliases = map[string]string{
	"mit": "MIT", "mit license": "MIT", "the mit license": "MIT",
	"apache 2.0": "Apache-2.0", "apache-2.0": "Apache-2.0", "apache license 2.0": "Apache-2.0",
	"apache license, version 2.0": "Apache-2.0", "apache software license 2.0": "Apache-2.0", "apache 2": "Apache-2.0",
	"bsd-3-clause": "BSD-3-Clause", "bsd 3-clause": "BSD-3-Clause", "new bsd license": "BSD-3-Clause", "3-clause bsd": "BSD-3-Clause",
	"bsd-2-clause": "BSD-2-Clause", "bsd 2-clause": "BSD-2-Clause", "simplified bsd": "BSD-2-Clause",
	"isc": "ISC", "isc license": "ISC", "mpl-2.0": "MPL-2.0", "mpl 2.0": "MPL-2.0", "psf": "PSF-2.0", "psf-2.0": "PSF-2.0",
	"lgpl-3.0": "LGPL-3.0-only", "gpl-3.0": "GPL-3.0-only", "gplv3": "GPL-3.0-only", "gpl-2.0": "GPL-2.0-only",
	"unlicense": "Unlicense", "0bsd": "0BSD", "zlib": "Zlib",

	"license :: osi approved :: mit license":                                     "MIT",
	"license :: osi approved :: apache software license":                         "Apache-2.0",
	"license :: osi approved :: isc license (iscl)":                              "ISC",
	"license :: osi approved :: mozilla public license 2.0 (mpl 2.0)":            "MPL-2.0",
	"license :: osi approved :: python software foundation license":              "PSF-2.0",
	"license :: osi approved :: gnu general public license v2 (gplv2)":           "GPL-2.0-only",
	"license :: osi approved :: gnu general public license v3 (gplv3)":           "GPL-3.0-only",
	"license :: osi approved :: gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
	"license :: osi approved :: gnu lesser general public license v3 (lgplv3)":   "LGPL-3.0-only",
	"license :: osi approved :: gnu affero general public license v3":            "AGPL-3.0-only",
	"license :: osi approved :: the unlicense (unlicense)":                       "Unlicense",
	"license :: osi approved :: zope public license":                             "ZPL-2.1",
}

// spdxLicense picks the best SPDX expression: License-Expression, then a
// short License field that names a known license, then the classifiers
// (several are alternatives, joined with OR).
func (m metadata) spdxLicense() string {
	if m.license != "" {
		return m.license
	}
	if l, ok := licenseAliases[strings.ToLower(strings.TrimSpace(m.licenseLong))]; ok {
		return l
	}
	var found []string
	for _, c := range m.classifiers {
		if l, ok := licenseAliases[strings.ToLower(c)]; ok && !contains(found, l) {
			found = append(found, l)
		}
	}
	return strings.Join(found, " OR ")
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
