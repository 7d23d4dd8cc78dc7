package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/detect/registry"
	"github.com/cladsec/clad/internal/finding"
)

func runRules(args []string, env Env) error {
	fs := pflag.NewFlagSet("rules", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "table", "output format: table or json")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: clad rules [ID] [--format table|json]\n\nList every rule, or print the full documentation of one.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if *format != "table" && *format != "json" {
		return usagef("unknown --format %q for rules (want table or json)", *format)
	}
	rules := registry.Rules()
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	switch fs.NArg() {
	case 0:
		if *format == "json" {
			return writeJSON(env.Stdout, rules)
		}
		return listRules(env.Stdout, rules)
	case 1:
		id := fs.Arg(0)
		for _, r := range rules {
			if r.ID == id {
				if *format == "json" {
					return writeJSON(env.Stdout, r)
				}
				return docRule(env.Stdout, r)
			}
		}
		return fmt.Errorf("no rule %q (run \"clad rules\" for the list)", id)
	}
	return usagef("rules takes at most one rule ID")
}

func listRules(w io.Writer, rules []finding.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tCWE\tWHY")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, strings.Join(r.CWE, ","), r.Why)
	}
	return tw.Flush()
}

func docRule(w io.Writer, r finding.Rule) error {
	fmt.Fprintf(w, "%s — %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Category: %s   Severity: %s", r.Category, r.Severity)
	if len(r.CWE) > 0 {
		fmt.Fprintf(w, "   CWE: %s", strings.Join(r.CWE, ", "))
	}
	fmt.Fprintf(w, "\n\nWhy it matters\n  %s\n", r.Why)
	if r.Doc != "" {
		fmt.Fprintf(w, "\n%s\n", indent(r.Doc, "  "))
	}
	fmt.Fprintf(w, "\nHow to fix\n%s\n", indent(r.Fix, "  "))
	if r.Bad != "" {
		fmt.Fprintf(w, "\nReported\n%s\n", indent(r.Bad, "    "))
	}
	if r.Good != "" {
		fmt.Fprintf(w, "\nNot reported\n%s\n", indent(r.Good, "    "))
	}
	return nil
}

func indent(s, pre string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "\n")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// flagError maps pflag's errors: --help is not a failure of the user.
func flagError(err error) error {
	if err == pflag.ErrHelp {
		return &exitError{code: ExitOK}
	}
	return usagef("%v", err)
}
