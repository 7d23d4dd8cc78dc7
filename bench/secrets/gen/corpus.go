package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Labels.
const (
	labelSecret = "secret" // a scanner should report it
	labelDecoy  = "decoy"  // a scanner should stay quiet
)

// Label is one ground-truth entry: a credential (maybe spread over several
// lines, like an AWS key pair or a PEM block) or a look-alike.
type Label struct {
	File  string `json:"file"`
	Lines []int  `json:"lines"`
	Kind  string `json:"kind"`
	Label string `json:"label"`
}

// Truth is the ground truth of the corpus.
type Truth struct {
	Files  int     `json:"files"`
	Bytes  int     `json:"bytes"`
	Labels []Label `json:"labels"`
}

func (t *Truth) count(label string) int {
	n := 0
	for _, l := range t.Labels {
		if l.Label == label {
			n++
		}
	}
	return n
}

// file is a file being written, line by line, with its labels.
type file struct {
	path   string
	lines  []string
	labels []Label
}

// add appends text (which may hold several lines).
func (f *file) add(text ...string) {
	for _, t := range text {
		f.lines = append(f.lines, strings.Split(t, "\n")...)
	}
}

// next is the number the next added line will have.
func (f *file) next() int { return len(f.lines) + 1 }

// mark appends text and labels all its lines.
func (f *file) mark(label, kind, text string) {
	first := f.next()
	f.add(text)
	f.label(label, kind, first, f.next()-1)
}

// label labels the lines first..last already added.
func (f *file) label(label, kind string, first, last int) {
	var lines []int
	for n := first; n <= last; n++ {
		lines = append(lines, n)
	}
	f.labels = append(f.labels, Label{File: f.path, Lines: lines, Kind: kind, Label: label})
}

func (f *file) secret(kind, text string) { f.mark(labelSecret, kind, text) }
func (f *file) decoy(kind, text string)  { f.mark(labelDecoy, kind, text) }

// corpus holds the files of all projects.
type corpus struct {
	r     *rand.Rand
	keys  *keyPool
	files []*file
	dir   string
}

func newCorpus(seed uint64) *corpus {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &corpus{r: r, keys: newKeyPool(r)}
}

// newFile starts a file of the current project.
func (c *corpus) newFile(name string) *file {
	f := &file{path: c.dir + "/" + name}
	c.files = append(c.files, f)
	return f
}

// project writes one project: a random selection of the templates and
// filler modules.
func (c *corpus) project(i int) {
	c.dir = fmt.Sprintf("%s-%02d", projectNames[i%len(projectNames)], i)
	ts := templates()
	c.r.Shuffle(len(ts), func(a, b int) { ts[a], ts[b] = ts[b], ts[a] })
	n := 10 + c.r.IntN(8)
	if n > len(ts) {
		n = len(ts)
	}
	for _, t := range ts[:n] {
		t(c)
	}
	c.filler()
}

var projectNames = []string{"orders-api", "billing", "web-shop", "auth-service", "media-pipeline", "notifications",
	"analytics-etl", "admin-portal", "search", "inventory", "mobile-backend", "data-export", "partner-gateway", "scheduler"}

// write writes the files under root and returns the truth.
func (c *corpus) write(root string) (*Truth, error) {
	t := &Truth{}
	for _, f := range c.files {
		body := strings.Join(f.lines, "\n") + "\n"
		p := filepath.Join(root, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("write corpus: %w", err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return nil, fmt.Errorf("write corpus: %w", err)
		}
		t.Files++
		t.Bytes += len(body)
		t.Labels = append(t.Labels, f.labels...)
	}
	sort.SliceStable(t.Labels, func(i, j int) bool {
		if t.Labels[i].File != t.Labels[j].File {
			return t.Labels[i].File < t.Labels[j].File
		}
		return t.Labels[i].Lines[0] < t.Labels[j].Lines[0]
	})
	return t, nil
}

// pick returns one of the choices.
func pick[T any](c *corpus, choices ...T) T { return choices[c.r.IntN(len(choices))] }

// chance is true with probability p.
func (c *corpus) chance(p float64) bool { return c.r.Float64() < p }
