package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// timing is what /usr/bin/time -v says about one run.
type timing struct {
	wall, user, sys float64 // seconds
	rssKB           float64
}

func wallOf(t timing) float64 { return t.wall }
func cpuOf(t timing) float64  { return t.user + t.sys }
func rssOf(t timing) float64  { return t.rssKB / 1024 }

// readTiming parses the output of /usr/bin/time -v.
func readTiming(path string) (timing, error) {
	f, err := os.Open(path)
	if err != nil {
		return timing{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var t timing
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), ": ")
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(k, "Elapsed (wall clock) time"):
			t.wall = clock(v)
		case k == "User time (seconds)":
			t.user, _ = strconv.ParseFloat(v, 64)
		case k == "System time (seconds)":
			t.sys, _ = strconv.ParseFloat(v, 64)
		case k == "Maximum resident set size (kbytes)":
			t.rssKB, _ = strconv.ParseFloat(v, 64)
		}
	}
	if err := sc.Err(); err != nil {
		return timing{}, fmt.Errorf("read %s: %w", path, err)
	}
	if t.wall == 0 && t.rssKB == 0 {
		return timing{}, fmt.Errorf("%s: not a /usr/bin/time -v output", path)
	}
	return t, nil
}

// clock reads "h:mm:ss" or "m:ss.cc".
func clock(s string) float64 {
	total := 0.0
	for _, part := range strings.Split(strings.TrimSpace(s), ":") {
		v, _ := strconv.ParseFloat(part, 64)
		total = total*60 + v
	}
	return total
}

func median(ts []timing, f func(timing) float64) float64 {
	if len(ts) == 0 {
		return 0
	}
	vs := make([]float64, len(ts))
	for i, t := range ts {
		vs[i] = f(t)
	}
	sort.Float64s(vs)
	if len(vs)%2 == 1 {
		return vs[len(vs)/2]
	}
	return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
}

func minOf(ts []timing, f func(timing) float64) float64 {
	m := 0.0
	for i, t := range ts {
		if v := f(t); i == 0 || v < m {
			m = v
		}
	}
	return m
}

func maxOf(ts []timing, f func(timing) float64) float64 {
	m := 0.0
	for _, t := range ts {
		m = max(m, f(t))
	}
	return m
}
