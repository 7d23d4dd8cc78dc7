// Command gen writes the labelled secrets corpus of clad's secrets
// benchmark: realistic project files (JS/TS, Python, Go, YAML, .env, JSON,
// Terraform, shell, HTML, SQL, Markdown) holding format-valid fake secrets
// of many kinds and hard look-alikes that are not secrets (placeholders,
// references, documented example keys, hashes, UUIDs under harmless names,
// SRI integrity, public keys and certificates, fixtures that say they are
// fake, encrypted values), plus filler code for volume.
//
// It writes DIR/corpus/ and DIR/truth.json, the ground truth: every
// labelled credential or look-alike with its file, its lines and whether a
// scanner should report it. The secrets are generated at run time and are
// not real; nothing here is a live credential.
//
// Usage: go run ./bench/secrets/gen -out DIR [-projects N] [-seed S]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "", "output directory (required)")
	projects := flag.Int("projects", 60, "number of projects")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *projects < 1 {
		fmt.Fprintln(os.Stderr, "usage: gen -out DIR [-projects N] [-seed S]")
		os.Exit(2)
	}
	if err := run(*out, *projects, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string, projects int, seed uint64) error {
	c := newCorpus(seed)
	for i := 0; i < projects; i++ {
		c.project(i)
	}
	root := filepath.Join(out, "corpus")
	if err := os.RemoveAll(root); err != nil {
		return fmt.Errorf("clean %s: %w", root, err)
	}
	truth, err := c.write(root)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(truth, "", " ")
	if err != nil {
		return fmt.Errorf("encode truth: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "truth.json"), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write truth: %w", err)
	}
	fmt.Printf("labelled corpus: %s: %d files, %d bytes, %d secrets, %d look-alikes\n",
		root, truth.Files, truth.Bytes, truth.count(labelSecret), truth.count(labelDecoy))
	return nil
}
