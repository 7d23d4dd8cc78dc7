package sbom

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/cladsec/clad/internal/deps"
)

// CycloneDX renders the inventory as a CycloneDX BOM:
//   - metadata: clad as the tool, the project as an application component;
//   - components: one library per package, bom-ref = purl, with scope
//     (dev → excluded), license expression, and properties clad:function
//     (one per function that ships it), clad:lockfile (file:line, one per
//     occurrence) and clad:dependency (direct, transitive or local);
//   - services: one per function. CycloneDX 1.6 defines services as
//     "microservices, function-as-a-service, and other types of network or
//     intra-process services", the deployed unit that is invoked, with
//     the fields that matter for a function (authenticated,
//     x-trust-boundary); a component of type application would describe
//     a program, not a deployed, triggered function;
//   - dependencies: the lockfile graph, plus project → direct dependencies
//     and function → the direct dependencies it ships.
func CycloneDX(inv *Inventory, m Meta) *cdx.BOM {
	bom := cdx.NewBOM()
	bom.SerialNumber = "urn:uuid:" + hashUUID(serialSeed(inv, m))
	projectRef := "project:" + m.name()
	bom.Metadata = &cdx.Metadata{
		Timestamp: m.timestamp(),
		Tools: &cdx.ToolsChoice{Components: &[]cdx.Component{{
			Type: cdx.ComponentTypeApplication, Name: "clad", Version: m.version(),
		}}},
		Component: &cdx.Component{BOMRef: projectRef, Type: cdx.ComponentTypeApplication, Name: m.name()},
	}
	comps := make([]cdx.Component, 0, len(inv.Packages))
	graph := make([]cdx.Dependency, 0, len(inv.Packages)+len(inv.Functions)+1)
	graph = append(graph, graphEntry(projectRef, inv.Roots))
	for _, p := range inv.Packages {
		comps = append(comps, component(p))
	}
	bom.Components = &comps
	if len(inv.Functions) > 0 {
		svcs := make([]cdx.Service, 0, len(inv.Functions))
		for _, fn := range inv.Functions {
			svcs = append(svcs, service(fn))
			graph = append(graph, graphEntry(functionRef(fn.ID), fn.Dependencies))
		}
		bom.Services = &svcs
	}
	for _, p := range inv.Packages {
		graph = append(graph, graphEntry(p.Key, p.DependsOn))
	}
	bom.Dependencies = &graph
	return bom
}

// WriteCycloneDX writes the inventory as CycloneDX 1.6 JSON.
func WriteCycloneDX(w io.Writer, inv *Inventory, m Meta) error {
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	if err := enc.EncodeVersion(CycloneDX(inv, m), cdx.SpecVersion1_6); err != nil {
		return fmt.Errorf("cannot encode CycloneDX: %w", err)
	}
	return nil
}

// serialSeed makes the serial number unique per content and creation time
// (the spec wants a new serial per generated BOM) yet reproducible.
func serialSeed(inv *Inventory, m Meta) string {
	sum := sha256.Sum256([]byte(contentHash(inv) + "\x00" + m.timestamp()))
	return hex.EncodeToString(sum[:])
}

func functionRef(id string) string { return "function:" + id }

func graphEntry(ref string, on []string) cdx.Dependency {
	list := append([]string{}, on...)
	return cdx.Dependency{Ref: ref, Dependencies: &list}
}

func component(p *Package) cdx.Component {
	c := cdx.Component{
		BOMRef: p.Key, Type: cdx.ComponentTypeLibrary, Name: p.Name, Version: p.Version,
		Scope: cdxScope(p), Licenses: cdxLicenses(p.License),
	}
	if !p.Local {
		c.PackageURL = p.PURL
	}
	props := make([]cdx.Property, 0, len(p.Functions)+len(p.Occurrences)+1)
	props = append(props, cdx.Property{Name: "clad:dependency", Value: dependency(p)})
	for _, fn := range p.Functions {
		props = append(props, cdx.Property{Name: "clad:function", Value: fn})
	}
	for _, o := range p.Occurrences {
		props = append(props, cdx.Property{Name: "clad:lockfile", Value: o.File + ":" + strconv.Itoa(o.Line)})
	}
	c.Properties = &props
	return c
}

// cdxScope: a package some function ships is required (or optional); one
// that none ships keeps its declared scope, dev dependencies excluded.
func cdxScope(p *Package) cdx.Scope {
	switch {
	case p.Scope == deps.Optional:
		return cdx.ScopeOptional
	case p.Shipped() || p.Scope == deps.Runtime:
		return cdx.ScopeRequired
	case p.Scope == deps.Dev:
		return cdx.ScopeExcluded
	}
	return ""
}

// cdxLicenses gives a valid SPDX expression as an expression and anything
// else as a named license, so no text is lost.
func cdxLicenses(l *string) *cdx.Licenses {
	if l == nil {
		return nil
	}
	if ValidExpression(*l) {
		return &cdx.Licenses{{Expression: *l}}
	}
	return &cdx.Licenses{{License: &cdx.License{Name: *l}}}
}

func service(fn Function) cdx.Service {
	s := cdx.Service{BOMRef: functionRef(fn.ID), Group: fn.Service, Name: fn.Name}
	if fn.Auth != "" {
		auth := fn.Auth != "none"
		s.Authenticated = &auth
	}
	if fn.Public {
		t := true
		s.CrossesTrustBoundary = &t
	}
	props := []cdx.Property{{Name: "clad:function-id", Value: fn.ID}, {Name: "clad:provider", Value: fn.Provider}}
	for _, kv := range [][2]string{
		{"clad:runtime", fn.Runtime}, {"clad:handler", fn.Handler}, {"clad:code-dir", fn.CodeDir},
		{"clad:manifest", fn.Manifest}, {"clad:auth", fn.Auth},
	} {
		if kv[1] != "" {
			props = append(props, cdx.Property{Name: kv[0], Value: kv[1]})
		}
	}
	for _, t := range fn.Triggers {
		props = append(props, cdx.Property{Name: "clad:trigger", Value: t})
	}
	s.Properties = &props
	return s
}
