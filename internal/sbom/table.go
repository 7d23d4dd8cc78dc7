package sbom

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// NotDeployed is what the table shows for a package no function ships.
const NotDeployed = "— (not deployed)"

// WriteTable prints the inventory as an aligned table with a summary line.
func WriteTable(w io.Writer, inv *Inventory) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PACKAGE\tVERSION\tECOSYSTEM\tLICENSE\tSCOPE\tDEPENDENCY\tFUNCTIONS")
	for _, p := range inv.Packages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", clean(p.Name), clean(p.Version), clean(p.Ecosystem),
			clean(p.LicenseText()), p.Scope, dependency(p), functionsText(p))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	shipped := 0
	for _, p := range inv.Packages {
		if p.Shipped() {
			shipped++
		}
	}
	noun := "packages"
	if len(inv.Packages) == 1 {
		noun = "package"
	}
	_, err := fmt.Fprintf(w, "\n%d %s: %d shipped by at least one function, %d not deployed\n",
		len(inv.Packages), noun, shipped, len(inv.Packages)-shipped)
	return err
}

// dependency says how the project gets the package.
func dependency(p *Package) string {
	switch {
	case p.Local:
		return "local"
	case p.Direct:
		return "direct"
	}
	return "transitive"
}

func functionsText(p *Package) string {
	if !p.Shipped() {
		return NotDeployed
	}
	return clean(strings.Join(p.Functions, ", "))
}

// clean keeps one table cell on one line and free of control characters
// (names come from scanned files).
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// csvHeader names the CSV columns.
var csvHeader = []string{"ecosystem", "name", "version", "purl", "license", "scope", "direct", "local", "functions", "occurrences"}

// WriteCSV writes one row per package; functions and occurrences
// (file:line) are joined with ";", an unknown license reads "unknown".
func WriteCSV(w io.Writer, inv *Inventory) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range inv.Packages {
		occ := make([]string, 0, len(p.Occurrences))
		for _, o := range p.Occurrences {
			occ = append(occ, o.File+":"+strconv.Itoa(o.Line))
		}
		row := []string{p.Ecosystem, p.Name, p.Version, p.PURL, p.LicenseText(), string(p.Scope),
			strconv.FormatBool(p.Direct), strconv.FormatBool(p.Local), strings.Join(p.Functions, ";"), strings.Join(occ, ";")}
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses cells a spreadsheet would run as a formula: those that
// start with "=", and those that start with "+", "-", "@", a tab or a
// carriage return and hold anything beyond what names and versions use
// (so "@scope/name" and "-1" stay as they are).
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch {
	case s[0] == '=':
		return "'" + s
	case strings.ContainsRune("+-@\t\r", rune(s[0])) && strings.Trim(s, plainChars) != "":
		return "'" + s
	}
	return s
}

// plainChars are the characters of package names, versions and purls.
const plainChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@/._~:%+-"

// WriteJSON writes the inventory in the shape documented in the package doc.
func WriteJSON(w io.Writer, inv *Inventory) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inv)
}
