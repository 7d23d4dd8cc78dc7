package npmreg

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func server(t *testing.T, hits *[]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*hits = append(*hits, r.URL.EscapedPath())
		switch r.URL.EscapedPath() {
		case "/@scope%2Fpkg":
			fmt.Fprint(w, `{"name":"@scope/pkg","versions":{"1.0.0":{"version":"1.0.0","dependencies":{"a":"^1.0.0"}},"1.2.0":{"version":"1.2.0","optionalDependencies":{"b":"2"}},"2.0.0-rc.1":{"version":"2.0.0-rc.1"},"0.9.0":{"version":"0.9.0","deprecated":"old"}}}`)
		case "/broken":
			fmt.Fprint(w, `{"name":`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestGetAndCache(t *testing.T) {
	var hits []string
	srv := server(t, &hits)
	dir := t.TempDir()
	now := time.Now()
	c := New(srv.URL, dir)
	c.Now = func() time.Time { return now }
	p, err := c.Get(context.Background(), "@scope/pkg")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"0.9.0", "1.0.0", "1.2.0"}, p.Sorted()); d != "" {
		t.Errorf("sorted (-want +got):\n%s", d)
	}
	if v, ok := p.Highest("^1.0.0"); !ok || v != "1.2.0" {
		t.Errorf("highest ^1.0.0 = %q, %v", v, ok)
	}
	if d := cmp.Diff([]string{"1.2.0"}, p.After("1.0.0")); d != "" {
		t.Errorf("after (-want +got):\n%s", d)
	}
	if r, ok := p.Versions["1.2.0"].Requires("b"); !ok || r != "2" {
		t.Errorf("requires b = %q, %v", r, ok)
	}
	// A new client reads the disk cache; once the TTL passes it asks again.
	c2 := New(srv.URL, dir)
	c2.Now = func() time.Time { return now.Add(time.Hour) }
	if _, err := c2.Get(context.Background(), "@scope/pkg"); err != nil || c2.Fetches != 0 {
		t.Errorf("cached read: err %v, fetches %d", err, c2.Fetches)
	}
	c3 := New(srv.URL, dir)
	c3.Now = func() time.Time { return now.Add(DefaultTTL + time.Hour) }
	if _, err := c3.Get(context.Background(), "@scope/pkg"); err != nil || c3.Fetches != 1 {
		t.Errorf("expired read: err %v, fetches %d", err, c3.Fetches)
	}
	if d := cmp.Diff([]string{"/@scope%2Fpkg", "/@scope%2Fpkg"}, hits); d != "" {
		t.Errorf("requests (-want +got):\n%s", d)
	}
}

func TestErrors(t *testing.T) {
	var hits []string
	srv := server(t, &hits)
	c := New(srv.URL, "")
	if _, err := c.Get(context.Background(), "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
	if _, err := c.Get(context.Background(), "broken"); err == nil {
		t.Error("broken document accepted")
	}
	dead := New("http://127.0.0.1:1", "")
	if _, err := dead.Get(context.Background(), "x"); err == nil {
		t.Error("unreachable registry did not fail")
	}
}
