package detect

import "testing"

func TestSharedBuildsOnce(t *testing.T) {
	in := &Input{}
	builds := 0
	build := func() any { builds++; return &builds }
	a := in.Shared("k", build)
	b := in.Shared("k", build)
	c := in.Shared("other", build)
	if a != b || builds != 2 || c == nil {
		t.Fatalf("builds=%d same=%v", builds, a == b)
	}
	if in.SourceCache() != in.SourceCache() {
		t.Fatal("SourceCache made a second cache")
	}
}
