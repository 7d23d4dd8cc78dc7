package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the config parser: it must never panic,
// every failure must be a *Error with a message, and every accepted config
// must hold only valid ignores.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("ignores:\n  - &a {rule: x, reason: y}\n  - *a\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data, ".clad.yaml")
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || len(ce.Issues) == 0 || strings.TrimSpace(err.Error()) == "" {
				t.Fatalf("bad error %T: %v", err, err)
			}
			return
		}
		if cfg.FailOn == 0 || len(cfg.Categories) == 0 {
			t.Fatalf("config without fail-on or categories: %+v", cfg)
		}
		for _, ig := range cfg.Ignores {
			if ig.Reason == "" || (ig.Rule == "") == (ig.Fingerprint == "") || ig.Line <= 0 {
				t.Fatalf("invalid ignore accepted: %+v", ig)
			}
		}
	})
}
