package db

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cladsec/clad/internal/advisory"
)

// DefaultBaseURL is OSV's public export: <base>/<Ecosystem>/all.zip.
const DefaultBaseURL = "https://osv-vulnerabilities.storage.googleapis.com"

// defaultTimeout bounds one archive download.
const defaultTimeout = 10 * time.Minute

// Update downloads <baseURL>/<Ecosystem>/all.zip for each ecosystem
// (advisory.ScannedEcosystems when none; DefaultBaseURL when baseURL is
// empty), with a progress line on progress (may be nil), and replaces
// those ecosystems' downloaded records in one atomic write. Any failed
// download fails the update and leaves the database unchanged.
func (s *Store) Update(ctx context.Context, ecosystems []string, baseURL string, progress io.Writer) (*Result, error) {
	base, err := checkBase(baseURL)
	if err != nil {
		return nil, err
	}
	if len(ecosystems) == 0 {
		ecosystems = advisory.ScannedEcosystems
	}
	if progress == nil {
		progress = io.Discard
	}
	dl, err := s.tempDir(".dl-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dl)
	var batches []*batch
	for _, eco := range ecosystems {
		b, err := s.fetch(ctx, base, advisory.EcosystemKey(eco), dl, progress)
		if err != nil {
			return nil, fmt.Errorf("update %s: %w", eco, err)
		}
		batches = append(batches, b)
	}
	return s.write(ctx, batches)
}

// checkBase validates the base URL.
func checkBase(baseURL string) (string, error) {
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("advisory base URL %q: want an http(s) URL", baseURL)
	}
	return strings.TrimRight(baseURL, "/"), nil
}

// fetch downloads one ecosystem's archive into dir and reads it.
func (s *Store) fetch(ctx context.Context, base, eco, dir string, progress io.Writer) (*batch, error) {
	src := base + "/" + url.PathEscape(eco) + "/all.zip"
	path := filepath.Join(dir, fileNameFor(eco, map[string]bool{})+".zip")
	size, err := s.download(ctx, src, path, eco, progress)
	if err != nil {
		return nil, err
	}
	b := newBatch(SourceInfo{ID: "osv:" + base + "/" + eco, Kind: KindDownload, Location: src, Fetched: s.now()}, s.Limits)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open download: %w", err)
	}
	defer f.Close()
	if err := readZip(ctx, b, f, size, eco+"/all.zip"); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "%s: %d records\n", eco, len(b.items))
	return b, nil
}

// download saves url to path within the size limit.
func (s *Store) download(ctx context.Context, src, path, eco string, progress io.Writer) (int64, error) {
	client := s.Client
	if client == nil {
		client = &http.Client{Timeout: defaultTimeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return 0, fmt.Errorf("request %s: %w", src, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("download %s: %w", src, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("download %s: %s", src, resp.Status)
	}
	max := s.Limits.withDefaults().MaxDownloadBytes
	if resp.ContentLength > max {
		return 0, fmt.Errorf("download %s: %d bytes exceeds the limit of %d bytes", src, resp.ContentLength, max)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, fmt.Errorf("save download: %w", err)
	}
	defer f.Close()
	pw := &progressWriter{w: progress, label: "downloading " + eco + "/all.zip", total: resp.ContentLength}
	n, err := io.Copy(io.MultiWriter(f, pw), io.LimitReader(resp.Body, max+1))
	pw.finish()
	if err != nil {
		return 0, fmt.Errorf("download %s: %w", src, err)
	}
	if n > max {
		return 0, fmt.Errorf("download %s: exceeds the limit of %d bytes", src, max)
	}
	return n, nil
}

// progressWriter prints "label: 12.3 MB / 45.6 MB" on one line, redrawn
// at most every 4 MiB.
type progressWriter struct {
	w     io.Writer
	label string
	total int64
	n     int64
	shown int64
}

// Write counts the bytes and redraws the line now and then.
func (p *progressWriter) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if p.n-p.shown >= 4<<20 || p.shown == 0 {
		p.shown = p.n
		p.print()
	}
	return len(b), nil
}

func (p *progressWriter) print() {
	if p.total > 0 {
		fmt.Fprintf(p.w, "\r%s: %s / %s", p.label, humanBytes(p.n), humanBytes(p.total))
		return
	}
	fmt.Fprintf(p.w, "\r%s: %s", p.label, humanBytes(p.n))
}

func (p *progressWriter) finish() {
	p.print()
	fmt.Fprintln(p.w)
}

// humanBytes formats a size in B, kB, MB or GB.
func humanBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
