package engine

import (
	"bytes"
	"encoding/base64"
	"testing"
	"time"
)

// TestPathological: inputs built to make a scanner slow (every byte an
// anchor, megabytes of base64, thousands of headers) finish; the durations
// are logged, not asserted.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	text := bytes.Repeat([]byte("password secret "), 1<<16)
	for name, data := range map[string][]byte{
		"keywords":      bytes.Repeat([]byte("key=token:secret=password:"), 1<<18),
		"base64 text":   []byte(base64.StdEncoding.EncodeToString(text)),
		"one long line": bytes.Repeat([]byte("aB3+"), 1<<20),
		"quotes":        bytes.Repeat([]byte(`"password": "`), 1<<18),
		"begin blocks":  bytes.Repeat([]byte("-----BEGIN RSA PRIVATE KEY-----\n"), 1<<15),
		"eyJ":           bytes.Repeat([]byte("eyJ.eyJ."), 1<<18),
	} {
		start := time.Now()
		New().Scan("x.txt", data)
		t.Logf("%s (%d bytes): %v", name, len(data), time.Since(start))
	}
}
