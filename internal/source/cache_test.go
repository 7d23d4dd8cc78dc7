package source

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The cache parses each file once however often and by however many
// readers it is asked, remembers refusals, and parses again after Close.
func TestCacheParsesOnce(t *testing.T) {
	c := NewCache(openTree(t, "testdata/reach"))
	defer c.Close()
	a, err := c.File("node/handler.js")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.File("node/handler.js")
	if a != b || c.Parsed != 1 {
		t.Fatalf("second File parsed again: same=%v parsed=%d", a == b, c.Parsed)
	}
	// Reach through the cache reuses the handler's parse and parses each
	// reached source file once, however many reaches share it.
	first := c.Reach("node/handler.js", "node", 0)
	afterFirst := c.Parsed
	second := c.Reach("node/handler.js", "node", 0)
	if diff := cmp.Diff(first, second); diff != "" {
		t.Fatalf("reach changed on the second call (-first +second):\n%s", diff)
	}
	if c.Parsed != afterFirst {
		t.Fatalf("second reach parsed %d more files", c.Parsed-afterFirst)
	}
	if want := Reach(openTree(t, "testdata/reach"), "node/handler.js", "node", 0); !cmp.Equal(first, want) {
		t.Fatalf("cached reach %v, uncached %v", first, want)
	}
	// JSON and missing files are refused, and the refusal is remembered.
	if _, err := c.File("node/config.json"); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("json: err = %v, want ErrUnsupported", err)
	}
	if _, err := c.File("node/missing.js"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing: err = %v, want not-exist", err)
	}
	n := c.Parsed
	c.File("node/missing.js")
	if c.Parsed != n {
		t.Fatal("a remembered refusal was retried")
	}
	c.Close()
	if a.Tree() != nil {
		t.Fatal("Close left the tree alive")
	}
	again, err := c.File("node/handler.js")
	if err != nil || again == a || again.Tree() == nil {
		t.Fatalf("after Close: err=%v same=%v", err, again == a)
	}
}
