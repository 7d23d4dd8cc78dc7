package fnmap

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Group is the functions one manifest deploys together: a Serverless
// service, a SAM/CloudFormation stack, an Azure function app.
type Group struct {
	Manifest string
	Service  string
	Provider string
	// Functions are sorted by ID.
	Functions []*model.Function
}

// ByManifest groups functions by the manifest that deploys them, in
// manifest order.
func ByManifest(fns []*model.Function) []Group {
	index := map[string]int{}
	var out []Group
	for _, fn := range fns {
		k := fn.Manifest
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Group{Manifest: fn.Manifest, Service: fn.Service, Provider: fn.Provider})
		}
		out[i].Functions = append(out[i].Functions, fn)
	}
	for _, g := range out {
		sort.SliceStable(g.Functions, func(i, j int) bool { return g.Functions[i].ID < g.Functions[j].ID })
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Manifest < out[j].Manifest })
	return out
}

// IDs returns the IDs of functions, sorted.
func IDs(fns []*model.Function) []string {
	out := make([]string, 0, len(fns))
	for _, fn := range fns {
		out = append(out, fn.ID)
	}
	sort.Strings(out)
	return out
}

// ShortNames lists function names for a message, comma-separated, the
// first max of them then "and N more".
func ShortNames(fns []*model.Function, max int) string {
	names := make([]string, 0, len(fns))
	for _, fn := range fns {
		names = append(names, fn.Name)
	}
	sort.Strings(names)
	if max > 0 && len(names) > max {
		return strings.Join(names[:max], ", ") + " and " + strconv.Itoa(len(names)-max) + " more"
	}
	return strings.Join(names, ", ")
}

// Kind names what a manifest deploys, for messages: "service aws-orders",
// "function app azure-todo", "stack orders".
func (g Group) Kind() string {
	name := g.Service
	if name == "" {
		name = path.Dir(g.Manifest)
	}
	switch {
	case g.Provider == model.Azure:
		return "function app " + name
	case strings.HasSuffix(g.Manifest, "serverless.yml") || strings.HasSuffix(g.Manifest, "serverless.yaml") ||
		strings.HasSuffix(g.Manifest, "serverless.json") || strings.HasSuffix(g.Manifest, "serverless.ts"):
		return "service " + name
	}
	return "stack " + name
}
