package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScore(t *testing.T) {
	truth := &Truth{Labels: []Label{
		{File: "a/.env", Lines: []int{2, 3}, Kind: "aws-key-pair", Label: "secret"},
		{File: "a/.env", Lines: []int{5}, Kind: "stripe", Label: "secret"},
		{File: "a/.env", Lines: []int{6}, Kind: "placeholder", Label: "decoy"},
		{File: "a/key.pem", Lines: []int{1, 2, 3}, Kind: "private-key", Label: "secret"},
	}}
	hits := []hit{
		{File: "a/.env", Line: 3, End: 3, Rule: "aws"},        // second line of the pair
		{File: "a/.env", Line: 2, End: 2, Rule: "aws"},        // same credential, another location
		{File: "a/.env", Line: 6, End: 6, Rule: "generic"},    // look-alike
		{File: "a/.env", Line: 6, End: 6, Rule: "other"},      // same location again
		{File: "a/other.js", Line: 1, End: 1, Rule: "x"},      // unlabelled
		{File: "a/key.pem", Line: 1, End: 3, Rule: "private"}, // block
	}
	s := score(truth, hits)
	if s.Found != 2 || s.Secrets != 3 || s.TP != 3 || s.FP != 2 || s.Findings != 5 {
		t.Errorf("score = %+v", s)
	}
	if s.FPByKind["placeholder"] != 1 || s.FPByKind["unlabelled"] != 1 || s.Missed["stripe"] != 1 {
		t.Errorf("by kind: %v %v", s.FPByKind, s.Missed)
	}
}

func TestReadTiming(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t")
	out := "\tCommand being timed: \"clad\"\n\tUser time (seconds): 0.50\n\tSystem time (seconds): 0.25\n" +
		"\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50\n\tMaximum resident set size (kbytes): 2048\n"
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	tm, err := readTiming(p)
	if err != nil {
		t.Fatal(err)
	}
	if tm.wall != 62.5 || cpuOf(tm) != 0.75 || rssOf(tm) != 2 {
		t.Errorf("timing = %+v", tm)
	}
}
