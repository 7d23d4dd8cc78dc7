package semrange

import "testing"

func TestSatisfies(t *testing.T) {
	cases := []struct {
		eco, rng, v     string
		want, wantKnown bool
	}{
		{"npm", "^6.5.1", "6.5.3", true, true},
		{"npm", "~6.5.1", "6.6.0", false, true},
		{"npm", "6.5.1", "6.5.3", false, true},
		{"npm", "^0.0.4", "0.0.5", false, true},
		{"npm", "^0.2.3", "0.2.9", true, true},
		{"npm", "1.x", "1.9.0", true, true},
		{"npm", ">=1.2.0 <2", "1.9.9", true, true},
		{"npm", "1.2.3 - 2.0.0", "2.0.0", true, true},
		{"npm", "^1.0.0 || ^2.0.0", "2.1.0", true, true},
		{"npm", "*", "3.0.0", true, true},
		{"npm", "", "3.0.0", true, true},
		{"npm", "^1.2.0", "1.3.0-beta.1", false, true},
		{"npm", "npm:lodash@^4.17.0", "4.17.21", true, true},
		{"npm", "latest", "1.0.0", false, false},
		{"npm", "github:user/repo#v1", "1.0.0", false, false},
		{"npm", "file:../lib", "1.0.0", false, false},
		{"npm", "^1.0.0", "not-a-version", false, false},
		{"PyPI", ">=2.0,<3", "2.31.0", true, true},
		{"PyPI", ">=2.0,<3", "3.0", false, true},
		{"PyPI", "==2.19.1", "2.19.1", true, true},
		{"PyPI", "==1.4.*", "1.4.9", true, true},
		{"PyPI", "==1.4.*", "1.5", false, true},
		{"PyPI", "~=1.4.2", "1.4.9", true, true},
		{"PyPI", "~=1.4.2", "1.5.0", false, true},
		{"PyPI", "~=1.4", "1.9", true, true},
		{"PyPI", "!=1.0", "1.0.0", false, true},
		{"PyPI", "", "1.0", true, true},
		{"PyPI", "@ https://x/y.whl", "1.0", false, false},
		{"Maven", "[1.0,2.0)", "1.5", false, false},
	}
	for _, c := range cases {
		got, known := Satisfies(c.eco, c.rng, c.v)
		if got != c.want || known != c.wantKnown {
			t.Errorf("Satisfies(%s, %q, %q) = %v, %v; want %v, %v", c.eco, c.rng, c.v, got, known, c.want, c.wantKnown)
		}
	}
}

func TestExactAndConcrete(t *testing.T) {
	cases := []struct {
		eco, v, want string
		ok           bool
	}{
		{"npm", "0.0.4", "0.0.4", true},
		{"npm", "=1.2.3", "1.2.3", true},
		{"npm", "v1.2.3-beta.1", "1.2.3-beta.1", true},
		{"npm", "^1.2.3", "", false},
		{"npm", "1.2", "", false},
		{"PyPI", "==2.19.1", "2.19.1", true},
		{"PyPI", "2.19.1", "2.19.1", true},
		{"PyPI", ">=2.19.1", "", false},
		{"PyPI", "==2.*", "", false},
		{"Go", "v1.2.3", "v1.2.3", true},
		{"Go", ">=v1.2.3", "", false},
		{"Maven", "1.2.3", "1.2.3", true},
		{"Maven", "[1.2,)", "", false},
	}
	for _, c := range cases {
		got, ok := Concrete(c.eco, c.v)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Concrete(%s, %q) = %q, %v; want %q, %v", c.eco, c.v, got, ok, c.want, c.ok)
		}
		if Exact(c.eco, c.v) != c.ok {
			t.Errorf("Exact(%s, %q) = %v", c.eco, c.v, !c.ok)
		}
	}
}

func TestLowest(t *testing.T) {
	cases := []struct {
		eco, rng, want string
		ok             bool
	}{
		{"npm", "^4.17.15", "4.17.15", true},
		{"npm", "~2.5.0", "2.5.0", true},
		{"npm", "1.x", "1.0.0", true},
		{"npm", ">=1.2.0 <2", "1.2.0", true},
		{"npm", ">= 1.2.0", "1.2.0", true},
		{"npm", ">1.2.0", "1.2.1", true},
		{"npm", "<2.0.0", "0.0.0", true},
		{"npm", "^2.0.0 || ^1.1.0", "1.1.0", true},
		{"npm", "1.2.3 - 2.0.0", "1.2.3", true},
		{"npm", "*", "0.0.0", true},
		{"npm", "latest", "", false},
		{"PyPI", ">=2.0,<3", "2.0", true},
		{"PyPI", "~=1.4.2", "1.4.2", true},
		{"PyPI", "<3", "0", true},
		{"PyPI", "==1.4.*", "1.4", true},
		{"Maven", "1.0", "", false},
	}
	for _, c := range cases {
		got, ok := Lowest(c.eco, c.rng)
		if ok != c.ok || got != c.want {
			t.Errorf("Lowest(%s, %q) = %q, %v; want %q, %v", c.eco, c.rng, got, ok, c.want, c.ok)
		}
	}
}

func FuzzSatisfies(f *testing.F) {
	for _, s := range []string{"^1.2.3", ">= 1 <2 || 3.x", "~=1.4.2", "==1.*,!=1.2", "1.2.3 - 2", ">"} {
		f.Add(s, "1.2.3")
	}
	f.Fuzz(func(t *testing.T, rng, v string) {
		for _, eco := range []string{"npm", "PyPI", "Maven"} {
			Satisfies(eco, rng, v)
			Lowest(eco, rng)
			Concrete(eco, v)
		}
	})
}
