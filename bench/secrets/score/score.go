package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Label is a ground-truth entry, as bench/secrets/gen writes it.
type Label struct {
	File  string `json:"file"`
	Lines []int  `json:"lines"`
	Kind  string `json:"kind"`
	Label string `json:"label"`
}

// Truth is the ground truth file.
type Truth struct {
	Files  int     `json:"files"`
	Bytes  int     `json:"bytes"`
	Labels []Label `json:"labels"`
}

// hit is one reported location: a file and a line range.
type hit struct {
	File       string
	Line, End  int
	Rule       string
	countsOnce bool
}

// readClad reads the findings of a clad JSON report.
func readClad(path string) ([]hit, error) {
	var rep struct {
		Findings []struct {
			Rule    string `json:"rule"`
			File    string `json:"file"`
			Line    int    `json:"line"`
			EndLine int    `json:"end_line"`
		} `json:"findings"`
	}
	if err := readJSON(path, &rep); err != nil {
		return nil, err
	}
	out := make([]hit, 0, len(rep.Findings))
	for _, f := range rep.Findings {
		out = append(out, hit{File: f.File, Line: f.Line, End: max(f.Line, f.EndLine), Rule: f.Rule})
	}
	return out, nil
}

// readGitleaks reads a gitleaks JSON report; paths lose the root prefix.
func readGitleaks(path, root string) ([]hit, error) {
	var rep []struct {
		RuleID    string `json:"RuleID"`
		File      string `json:"File"`
		StartLine int    `json:"StartLine"`
		EndLine   int    `json:"EndLine"`
	}
	if err := readJSON(path, &rep); err != nil {
		return nil, err
	}
	prefix := strings.TrimSuffix(root, "/") + "/"
	out := make([]hit, 0, len(rep))
	for _, f := range rep {
		out = append(out, hit{File: strings.TrimPrefix(f.File, prefix), Line: f.StartLine, End: max(f.StartLine, f.EndLine), Rule: f.RuleID})
	}
	return out, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// Score is one tool's result against the truth.
type Score struct {
	Findings int // distinct reported locations (file:line)
	TP, FP   int // locations on a secret / elsewhere
	Found    int // secrets (credentials) reported at least once
	Secrets  int
	// Missed and FPByKind count by label kind.
	Missed   map[string]int
	FPByKind map[string]int
	// FPFiles lists false positives as "file:line rule (kind)"; MissedFiles
	// the secrets not reported as "file:line kind".
	FPFiles, MissedFiles []string
}

// Recall is found / secrets.
func (s Score) Recall() float64 { return ratio(s.Found, s.Secrets) }

// Precision is TP / (TP + FP).
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score matches hits against the labels: a location counts once; it is
// true when it overlaps a lab line of a secret, else a false positive
// (named after the look-alike it overlaps, or "unlabelled").
func score(t *Truth, hits []hit) Score {
	byFile := map[string][]int{}
	for i, l := range t.Labels {
		byFile[l.File] = append(byFile[l.File], i)
	}
	s := Score{Missed: map[string]int{}, FPByKind: map[string]int{}}
	found := map[int]bool{}
	seen := map[string]bool{}
	for _, h := range dedup(hits) {
		k := fmt.Sprintf("%s:%d", h.File, h.Line)
		if seen[k] {
			continue
		}
		seen[k] = true
		s.Findings++
		secret, decoy := false, ""
		for _, i := range byFile[h.File] {
			l := t.Labels[i]
			if !overlaps(l.Lines, h.Line, h.End) {
				continue
			}
			if l.Label == "secret" {
				secret = true
				found[i] = true
			} else if decoy == "" {
				decoy = l.Kind
			}
		}
		switch {
		case secret:
			s.TP++
		default:
			s.FP++
			if decoy == "" {
				decoy = "unlabelled"
			}
			s.FPByKind[decoy]++
			s.FPFiles = append(s.FPFiles, fmt.Sprintf("%s:%d %s (%s)", h.File, h.Line, h.Rule, decoy))
		}
	}
	for i, l := range t.Labels {
		if l.Label != "secret" {
			continue
		}
		s.Secrets++
		if found[i] {
			s.Found++
		} else {
			s.Missed[l.Kind]++
			s.MissedFiles = append(s.MissedFiles, fmt.Sprintf("%s:%d %s", l.File, l.Lines[0], l.Kind))
		}
	}
	sort.Strings(s.FPFiles)
	return s
}

// dedup sorts hits by file and line.
func dedup(hs []hit) []hit {
	out := append([]hit(nil), hs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func overlaps(lines []int, from, to int) bool {
	for _, n := range lines {
		if n >= from && n <= to {
			return true
		}
	}
	return false
}
