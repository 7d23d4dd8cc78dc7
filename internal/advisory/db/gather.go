package db

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cladsec/clad/internal/advisory"
)

// gather collects the entries of one ecosystem.
type gather struct {
	eco     string
	entries []ecoEntry
	sources []string
	srcIdx  map[string]uint16
	ids     map[string]bool
	perSrc  map[string]int
	newest  time.Time
}

func (g *gather) reset() {
	*g = gather{eco: g.eco, srcIdx: map[string]uint16{}, ids: map[string]bool{}, perSrc: map[string]int{}}
}

// source returns the number of a source id in this file.
func (g *gather) source(id string) uint16 {
	if n, ok := g.srcIdx[id]; ok {
		return n
	}
	n := uint16(len(g.sources))
	g.srcIdx[id] = n
	g.sources = append(g.sources, id)
	return n
}

func (g *gather) add(id string, modified time.Time, blob []byte, src string, names []string) {
	g.entries = append(g.entries, ecoEntry{id: id, blob: blob, source: g.source(src), names: names})
	g.ids[id] = true
	g.perSrc[src]++
	if modified.After(g.newest) {
		g.newest = modified
	}
}

// addOld keeps the live records of sources not being replaced.
func (g *gather) addOld(w *writer, info *EcoInfo) error {
	x, err := openIndex(filepath.Join(w.prev.dir, info.File))
	if err != nil {
		return err
	}
	defer x.close()
	return x.each(func(blob []byte, src uint16) error {
		if int(src) >= len(info.Sources) {
			return fmt.Errorf("%w: %s: source number %d out of range", ErrCorrupt, info.File, src)
		}
		id := info.Sources[src]
		if w.replaced[id] {
			return nil
		}
		r, err := advisory.Decode(blob)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, info.File, err)
		}
		if names := namesFor(r, g.eco); len(names) > 0 {
			g.add(r.ID, r.Modified.Time, blob, id, names)
		}
		return nil
	})
}

// addNew adds the batches' records of this ecosystem (fresh[i] are the
// records of batches[i]).
func (g *gather) addNew(batches []*batch, fresh [][]*item) {
	for i, items := range fresh {
		for _, it := range items {
			g.add(it.id, it.modified, it.blob, batches[i].info.ID, it.pkgs[g.eco])
		}
	}
}

// namesFor lists the normalised names a record is indexed under in eco.
func namesFor(r *advisory.Record, eco string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range r.Affected {
		if advisory.EcosystemKey(a.Package.Ecosystem) != eco {
			continue
		}
		n := advisory.NormalizeName(eco, a.Package.Name)
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// linkOrCopy hard-links an immutable index into the new generation, or
// copies it where links are not possible.
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy index: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("copy index: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy index: %w", err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("copy index: %w", err)
	}
	return out.Close()
}
