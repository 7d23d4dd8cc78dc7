package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/sbom"
)

const inventoryUsage = `Usage: clad inventory [PATH] [filters] [--format table|json|csv] [flags]

Print every package PATH (default ".") pins: version, license, scope, and the
functions that ship it ("— (not deployed)" when none does), sorted by name.

Filters take comma-separated values (any may match) and combine with AND:
  --package lodash          a name, a glob (@aws-sdk/*) or a purl
  --license GPL-3.0         an SPDX id found inside the license expression,
                            or a prefix of one (GPL matches GPL-2.0-only and
                            GPL-3.0-or-later, not LGPL-2.1); "unknown" for none
  --function createOrder    a function ID (service/name), a name or a glob
  --ecosystem npm           npm, PyPI, Go, Maven, …
  --scope runtime           runtime, optional, unknown or dev

The JSON shape is stable and documented in the sbom package (schema_version 1).

Exit codes: 0 printed (even when no package matches), 2 usage or runtime error.

Flags:
`

// inventoryFlags are the flags of clad inventory.
type inventoryFlags struct {
	project projectFlags
	format  string
	output  string
	filter  sbom.Filter
}

func (f *inventoryFlags) register(fs *pflag.FlagSet) {
	fs.StringVarP(&f.format, "format", "f", "table", "output format: table, json or csv")
	fs.StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output")
	fs.StringSliceVar(&f.filter.Packages, "package", nil, "only these packages (names, globs or purls)")
	fs.StringSliceVar(&f.filter.Licenses, "license", nil, "only packages whose license names one of these SPDX ids or id prefixes, or \"unknown\"")
	fs.StringSliceVar(&f.filter.Functions, "function", nil, "only packages these functions ship (IDs, names or globs)")
	fs.StringSliceVar(&f.filter.Ecosystems, "ecosystem", nil, "only these ecosystems (npm, PyPI, Go…)")
	fs.StringSliceVar(&f.filter.Scopes, "scope", nil, "only these scopes: runtime, optional, unknown, dev")
	f.project.register(fs)
}

func runInventory(ctx context.Context, args []string, env Env) error {
	var f inventoryFlags
	fs := pflag.NewFlagSet("inventory", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f.register(fs)
	fs.Usage = func() { fmt.Fprint(env.Stderr, inventoryUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	write, ok := map[string]func(io.Writer, *sbom.Inventory) error{
		"table": sbom.WriteTable, "json": sbom.WriteJSON, "csv": sbom.WriteCSV,
	}[strings.ToLower(f.format)]
	if !ok {
		return usagef("unknown --format %q for inventory (want table, json or csv)", f.format)
	}
	if err := f.filter.Validate(); err != nil {
		return usagef("--scope: %v", err)
	}
	target, err := targetArg(fs, "inventory")
	if err != nil {
		return err
	}
	inv, err := buildInventory(ctx, target, &f.project, env)
	if err != nil {
		return err
	}
	inv = f.filter.Apply(inv)
	return writeOutput(f.output, env, "the inventory", func(w io.Writer) error { return write(w, inv) })
}
