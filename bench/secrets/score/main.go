// Command score compares clad and gitleaks on one target of the secrets
// benchmark: wall time and peak memory from /usr/bin/time -v outputs, and,
// when a ground truth is given, recall and precision. It prints a
// side-by-side table with clad/gitleaks ratios.
//
// Usage:
//
//	go run ./bench/secrets/score -name NAME -root DIR \
//	    -clad clad.json -gitleaks gitleaks.json \
//	    -clad-time 't1,t2,t3' -gitleaks-time 't1,t2,t3' [-truth truth.json]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	var o options
	flag.StringVar(&o.name, "name", "target", "name of the target in the table")
	flag.StringVar(&o.root, "root", "", "the scanned directory (stripped from gitleaks paths)")
	flag.StringVar(&o.clad, "clad", "", "clad JSON report")
	flag.StringVar(&o.gitleaks, "gitleaks", "", "gitleaks JSON report (optional)")
	flag.StringVar(&o.cladTime, "clad-time", "", "comma-separated /usr/bin/time -v outputs of the clad runs")
	flag.StringVar(&o.gitleaksTime, "gitleaks-time", "", "comma-separated /usr/bin/time -v outputs of the gitleaks runs")
	flag.StringVar(&o.truth, "truth", "", "ground truth from bench/secrets/gen (optional)")
	flag.IntVar(&o.show, "show", 15, "false positives and misses to list per tool")
	flag.StringVar(&o.under, "under", "", "only count findings whose path contains this (e.g. node_modules/)")
	flag.Parse()
	if err := report(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(1)
	}
}

type options struct {
	name, root, clad, gitleaks, cladTime, gitleaksTime, truth, under string
	show                                                             int
}

// tool is what was measured of one tool.
type tool struct {
	name  string
	hits  []hit
	times []timing
	score *Score
}

func load(o options) ([]*tool, *Truth, error) {
	var tools []*tool
	hits, err := readClad(o.clad)
	if err != nil {
		return nil, nil, err
	}
	tools = append(tools, &tool{name: "clad", hits: hits})
	if o.gitleaks != "" {
		hits, err := readGitleaks(o.gitleaks, o.root)
		if err != nil {
			return nil, nil, err
		}
		tools = append(tools, &tool{name: "gitleaks", hits: hits})
	}
	for i, files := range []string{o.cladTime, o.gitleaksTime} {
		if i >= len(tools) || files == "" {
			continue
		}
		for _, f := range strings.Split(files, ",") {
			t, err := readTiming(f)
			if err != nil {
				return nil, nil, err
			}
			tools[i].times = append(tools[i].times, t)
		}
	}
	if o.under != "" {
		for _, t := range tools {
			t.hits = under(t.hits, o.under)
		}
	}
	var truth *Truth
	if o.truth != "" {
		truth = &Truth{}
		if err := readJSON(o.truth, truth); err != nil {
			return nil, nil, err
		}
		for _, t := range tools {
			s := score(truth, t.hits)
			t.score = &s
		}
	}
	return tools, truth, nil
}

func report(w io.Writer, o options) error {
	tools, truth, err := load(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== %s ==\n", o.name)
	if truth != nil {
		fmt.Fprintf(w, "%d files, %.1f MiB, %d secrets, %d look-alikes\n", truth.Files, float64(truth.Bytes)/(1<<20),
			countLabels(truth, "secret"), countLabels(truth, "decoy"))
	}
	row := func(name string, val func(*tool) (float64, bool), format string, ratio bool) {
		fmt.Fprintf(w, "%-24s", name)
		var vals []float64
		for _, t := range tools {
			v, ok := val(t)
			if !ok {
				fmt.Fprintf(w, "%14s", "-")
				continue
			}
			vals = append(vals, v)
			fmt.Fprintf(w, "%14s", fmt.Sprintf(format, v))
		}
		if ratio && len(vals) == 2 && vals[1] != 0 {
			fmt.Fprintf(w, "%14.2f", vals[0]/vals[1])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-24s", "")
	for _, t := range tools {
		fmt.Fprintf(w, "%14s", t.name)
	}
	if len(tools) == 2 {
		fmt.Fprintf(w, "%14s", "clad/gitleaks")
	}
	fmt.Fprintln(w)
	row("wall time, median (s)", func(t *tool) (float64, bool) { return median(t.times, wallOf), len(t.times) > 0 }, "%.3f", true)
	row("wall time, min (s)", func(t *tool) (float64, bool) { return minOf(t.times, wallOf), len(t.times) > 0 }, "%.3f", true)
	row("CPU time, median (s)", func(t *tool) (float64, bool) { return median(t.times, cpuOf), len(t.times) > 0 }, "%.3f", true)
	row("peak RSS, max (MiB)", func(t *tool) (float64, bool) { return maxOf(t.times, rssOf), len(t.times) > 0 }, "%.1f", true)
	row("findings (locations)", func(t *tool) (float64, bool) { return float64(locations(t.hits)), true }, "%.0f", true)
	if truth == nil {
		for _, t := range tools {
			fmt.Fprintf(w, "%s findings by rule: %s\n", t.name, byRule(t.hits))
			var where []string
			for _, h := range dedup(t.hits) {
				where = append(where, fmt.Sprintf("%s:%d %s", h.File, h.Line, h.Rule))
			}
			list(w, "finding", where, o.show)
		}
		return nil
	}
	row("secrets found", func(t *tool) (float64, bool) { return float64(t.score.Found), true }, "%.0f", true)
	row("recall", func(t *tool) (float64, bool) { return t.score.Recall(), true }, "%.3f", true)
	row("precision", func(t *tool) (float64, bool) { return t.score.Precision(), true }, "%.3f", true)
	row("false positives", func(t *tool) (float64, bool) { return float64(t.score.FP), true }, "%.0f", true)
	for _, t := range tools {
		fmt.Fprintf(w, "%s missed by kind: %s\n", t.name, kinds(t.score.Missed))
		fmt.Fprintf(w, "%s false positives by kind: %s\n", t.name, kinds(t.score.FPByKind))
		list(w, "FP", t.score.FPFiles, o.show)
		list(w, "missed", t.score.MissedFiles, o.show)
	}
	return nil
}

func list(w io.Writer, what string, items []string, show int) {
	for i, f := range items {
		if i >= show {
			fmt.Fprintf(w, "  … %d more\n", len(items)-i)
			break
		}
		fmt.Fprintf(w, "  %s %s\n", what, f)
	}
}

func under(hs []hit, part string) []hit {
	var out []hit
	for _, h := range hs {
		if strings.Contains("/"+h.File, "/"+part) {
			out = append(out, h)
		}
	}
	return out
}

func countLabels(t *Truth, label string) int {
	n := 0
	for _, l := range t.Labels {
		if l.Label == label {
			n++
		}
	}
	return n
}

func locations(hs []hit) int {
	seen := map[string]bool{}
	for _, h := range hs {
		seen[fmt.Sprintf("%s:%d", h.File, h.Line)] = true
	}
	return len(seen)
}

func byRule(hs []hit) string {
	m := map[string]int{}
	for _, h := range hs {
		m[h.Rule]++
	}
	return kinds(m)
}

// kinds formats counts, largest first.
func kinds(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
