package sbom

import (
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/model"
)

// SchemaVersion is the version of the inventory JSON shape.
const SchemaVersion = 1

// Inventory is every package a project pins, with the functions that ship it.
type Inventory struct {
	SchemaVersion int `json:"schema_version"`
	// Root is the scanned path as the user gave it.
	Root      string     `json:"root"`
	Functions []Function `json:"functions"`
	// Roots are the keys of the project's direct dependencies (those of
	// each dependency file's own project) and of its workspace members.
	Roots    []string   `json:"roots"`
	Packages []*Package `json:"packages"`
}

// Function is the part of a function's description the inventory keeps.
type Function struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Service  string `json:"service"`
	Provider string `json:"provider"`
	Runtime  string `json:"runtime"`
	Handler  string `json:"handler"`
	CodeDir  string `json:"code_dir"`
	Manifest string `json:"manifest"`
	// Public is true when anonymous callers can invoke the function.
	Public bool `json:"public"`
	// Auth is the function's weakest HTTP authentication (see
	// model.Function), "" without HTTP trigger.
	Auth string `json:"auth"`
	// Triggers are the trigger types, in manifest order.
	Triggers []string `json:"triggers"`
	// Dependencies are the keys of the direct dependencies the function
	// ships (those of its workspace member, or of the project), sorted.
	Dependencies []string `json:"dependencies"`
}

// Package is one package version, merged over every dependency file that
// pins it.
type Package struct {
	// Key identifies the package in the inventory (see the package doc).
	Key       string `json:"key"`
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	PURL      string `json:"purl"`
	// License is an SPDX expression, nil when no occurrence says.
	License *string `json:"license"`
	// Scope is the widest scope over the occurrences: runtime, optional,
	// unknown, then dev.
	Scope  deps.Scope `json:"scope"`
	Direct bool       `json:"direct"`
	Local  bool       `json:"local"`
	// Functions are the IDs of the functions that ship the package, sorted.
	Functions []string `json:"functions"`
	// Occurrences are the places the package is pinned, by file and line.
	Occurrences []Occurrence `json:"occurrences"`
	// DependsOn are the keys of the packages this one depends on, sorted.
	DependsOn []string `json:"depends_on"`
}

// Occurrence is one dependency file's entry for a package.
type Occurrence struct {
	File string `json:"file"`
	// Line is 0 when the format gives none.
	Line   int        `json:"line"`
	Format string     `json:"format"`
	ID     string     `json:"id"`
	Scope  deps.Scope `json:"scope"`
	Direct bool       `json:"direct"`
}

// Shipped reports whether some function ships the package.
func (p *Package) Shipped() bool { return len(p.Functions) > 0 }

// LicenseText is the license expression, or "unknown".
func (p *Package) LicenseText() string {
	if p.License == nil {
		return "unknown"
	}
	return *p.License
}

// Get returns the package with key, or nil.
func (inv *Inventory) Get(key string) *Package {
	for _, p := range inv.Packages {
		if p.Key == key {
			return p
		}
	}
	return nil
}

func newFunction(fn *model.Function) Function {
	f := Function{
		ID: fn.ID, Name: fn.Name, Service: fn.Service, Provider: fn.Provider, Runtime: fn.Runtime,
		Handler: fn.Handler, CodeDir: fn.CodeDir, Manifest: fn.Manifest, Public: fn.Public, Auth: fn.Auth,
		Triggers: []string{},
	}
	for _, t := range fn.Triggers {
		f.Triggers = append(f.Triggers, t.Type)
	}
	return f
}
