package sbom

import (
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx/v2/common"
	spdx "github.com/spdx/tools-golang/spdx/v2/v2_3"

	"github.com/cladsec/clad/internal/deps"
)

// noAssertion is SPDX's "the creator says nothing about this".
const noAssertion = "NOASSERTION"

// SPDX renders the inventory as an SPDX 2.3 document:
//   - the document DESCRIBES the project, a package of purpose SOURCE;
//   - the project CONTAINS one package of purpose APPLICATION per function,
//     and each function CONTAINS every package it ships;
//   - the project DEPENDS_ON its direct dependencies (dev ones are
//     DEV_DEPENDENCY_OF it, optional ones OPTIONAL_DEPENDENCY_OF it), and
//     each package DEPENDS_ON what the lockfile graph says;
//   - packages carry their purl (PACKAGE-MANAGER/purl), the declared
//     license (licenseConcluded stays NOASSERTION: clad reads what the
//     package declares, it does not conclude), and the lockfile lines in
//     sourceInfo.
//
// The namespace is derived from the project name and a hash of the
// inventory, so the same project and content give the same document.
func SPDX(inv *Inventory, m Meta) *spdx.Document {
	doc := &spdx.Document{
		SPDXVersion: spdx.Version, DataLicense: spdx.DataLicense, SPDXIdentifier: "DOCUMENT",
		DocumentName:      m.name(),
		DocumentNamespace: "https://spdx.org/spdxdocs/clad/" + url.PathEscape(m.name()) + "-" + hashUUID(contentHash(inv)),
		CreationInfo: &spdx.CreationInfo{
			Creators: []common.Creator{{CreatorType: "Tool", Creator: "clad-" + m.version()}},
			Created:  m.timestamp(),
		},
	}
	ids := newIDs()
	project := ids.make("Project", m.name())
	doc.Packages = append(doc.Packages, &spdx.Package{
		PackageName: m.name(), PackageSPDXIdentifier: project, PackageDownloadLocation: noAssertion,
		PackageLicenseConcluded: noAssertion, PackageLicenseDeclared: noAssertion,
		PrimaryPackagePurpose: "SOURCE", PackageComment: "The scanned project (" + inv.Root + ").",
	})
	rel := func(a common.ElementID, kind string, b common.ElementID) {
		doc.Relationships = append(doc.Relationships, &spdx.Relationship{
			RefA: common.DocElementID{ElementRefID: a}, RefB: common.DocElementID{ElementRefID: b}, Relationship: kind,
		})
	}
	rel("DOCUMENT", common.TypeRelationshipDescribe, project)
	pkgIDs := map[string]common.ElementID{}
	for _, p := range inv.Packages {
		pkgIDs[p.Key] = ids.make("Package", p.Ecosystem+"-"+p.Name+"-"+p.Version)
	}
	for _, fn := range inv.Functions {
		id := ids.make("Function", fn.ID)
		doc.Packages = append(doc.Packages, spdxFunction(fn, id))
		rel(project, common.TypeRelationshipContains, id)
		for _, p := range inv.Packages {
			if contains(p.Functions, fn.ID) {
				rel(id, common.TypeRelationshipContains, pkgIDs[p.Key])
			}
		}
	}
	root := map[string]bool{}
	for _, k := range inv.Roots {
		root[k] = true
	}
	for _, p := range inv.Packages {
		doc.Packages = append(doc.Packages, spdxPackage(p, pkgIDs[p.Key]))
		if root[p.Key] {
			switch p.Scope {
			case deps.Dev:
				rel(pkgIDs[p.Key], common.TypeRelationshipDevDependencyOf, project)
			case deps.Optional:
				rel(pkgIDs[p.Key], common.TypeRelationshipOptionalDependencyOf, project)
			default:
				rel(project, common.TypeRelationshipDependsOn, pkgIDs[p.Key])
			}
		}
		for _, d := range p.DependsOn {
			if to, ok := pkgIDs[d]; ok {
				rel(pkgIDs[p.Key], common.TypeRelationshipDependsOn, to)
			}
		}
	}
	return doc
}

// WriteSPDX writes the inventory as SPDX 2.3 JSON.
func WriteSPDX(w io.Writer, inv *Inventory, m Meta) error {
	if err := spdxjson.Write(SPDX(inv, m), w, spdxjson.Indent("  ")); err != nil {
		return fmt.Errorf("cannot encode SPDX: %w", err)
	}
	return nil
}

func spdxFunction(fn Function, id common.ElementID) *spdx.Package {
	var about []string
	for _, kv := range [][2]string{
		{"provider", fn.Provider}, {"runtime", fn.Runtime}, {"handler", fn.Handler},
		{"code directory", fn.CodeDir}, {"declared in", fn.Manifest},
	} {
		if kv[1] != "" {
			about = append(about, kv[0]+" "+kv[1])
		}
	}
	return &spdx.Package{
		PackageName: fn.ID, PackageSPDXIdentifier: id, PackageDownloadLocation: noAssertion,
		PackageLicenseConcluded: noAssertion, PackageLicenseDeclared: noAssertion,
		PrimaryPackagePurpose: "APPLICATION",
		PackageComment:        "Serverless function: " + strings.Join(about, ", ") + ".",
	}
}

func spdxPackage(p *Package, id common.ElementID) *spdx.Package {
	sp := &spdx.Package{
		PackageName: p.Name, PackageSPDXIdentifier: id, PackageVersion: p.Version,
		PackageDownloadLocation: noAssertion, PackageLicenseConcluded: noAssertion, PackageLicenseDeclared: noAssertion,
		PrimaryPackagePurpose: "LIBRARY", PackageSourceInfo: sourceInfo(p),
	}
	if p.License != nil {
		if spdxExpression(*p.License) {
			sp.PackageLicenseDeclared = *p.License
		} else {
			sp.PackageLicenseComments = fmt.Sprintf("The package declares the license %q, which is not an SPDX license expression.", *p.License)
		}
	}
	if p.PURL != "" && !p.Local {
		sp.PackageExternalReferences = []*spdx.PackageExternalReference{{
			Category: common.CategoryPackageManager, RefType: common.TypePackageManagerPURL, Locator: p.PURL,
		}}
	}
	return sp
}

// spdxExpression accepts valid expressions that need no license text in
// the document (no LicenseRef, no DocumentRef).
func spdxExpression(l string) bool {
	return ValidExpression(l) && !strings.Contains(l, "LicenseRef-") && !strings.Contains(l, "DocumentRef-")
}

func sourceInfo(p *Package) string {
	where := make([]string, 0, len(p.Occurrences))
	for _, o := range p.Occurrences {
		where = append(where, o.File+":"+strconv.Itoa(o.Line)+" ("+o.Format+", "+string(o.Scope)+")")
	}
	what := "pinned by "
	if p.Local {
		what = "local package (workspace member or linked directory) listed in "
	}
	return what + strings.Join(where, "; ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// idSet hands out unique SPDX element IDs made of the allowed characters.
type idSet map[common.ElementID]bool

func newIDs() idSet { return idSet{} }

func (s idSet) make(kind, text string) common.ElementID {
	var b strings.Builder
	b.WriteString(kind)
	b.WriteByte('-')
	dash := false
	for _, r := range text {
		ok := r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-')
		switch {
		case ok:
			b.WriteRune(r)
			dash = r == '-'
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	base := strings.TrimRight(b.String(), "-")
	id := common.ElementID(base)
	for n := 2; s[id]; n++ {
		id = common.ElementID(base + "-" + strconv.Itoa(n))
	}
	s[id] = true
	return id
}
