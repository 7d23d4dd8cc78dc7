package python

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps/lockbuild/locktest"
	"github.com/google/go-cmp/cmp"
)

func TestRequirementsGolden(t *testing.T) {
	tree := locktest.Tree(t, filepath.Join("testdata", "requirements"))
	got := locktest.ParseAll(t, NewRequirements(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "requirements.txt"), got)
}

func TestParseRequirement(t *testing.T) {
	tests := []struct {
		in     string
		want   Requirement
		pinned string
		ok     bool
	}{
		{"requests==2.25.1", Requirement{Name: "requests", Specifier: "==2.25.1"}, "2.25.1", true},
		{"requests [socks] == 2.25.1 ; python_version<'3'", Requirement{Name: "requests", Extras: []string{"socks"}, Specifier: "==2.25.1", Marker: "python_version<'3'"}, "2.25.1", true},
		{"a===1.0+local", Requirement{Name: "a", Specifier: "===1.0+local"}, "1.0+local", true},
		{"a==1.*", Requirement{Name: "a", Specifier: "==1.*"}, "", true},
		{"a>=1,<2", Requirement{Name: "a", Specifier: ">=1,<2"}, "", true},
		{"a ( ==1.0 )", Requirement{Name: "a", Specifier: "==1.0"}, "1.0", true},
		{"a", Requirement{Name: "a"}, "", true},
		{"a~=1.4.2", Requirement{Name: "a", Specifier: "~=1.4.2"}, "", true},
		{"pkg @ https://x/pkg.zip ; os_name == 'nt'", Requirement{Name: "pkg", URL: "https://x/pkg.zip", Marker: "os_name == 'nt'"}, "", true},
		{"git+https://g/x.git#egg=my_pkg", Requirement{Name: "my_pkg", URL: "git+https://g/x.git#egg=my_pkg"}, "", true},
		{"https://h/python-dateutil-2.8.2.tar.gz", Requirement{Name: "python-dateutil", URL: "https://h/python-dateutil-2.8.2.tar.gz", Specifier: "==2.8.2"}, "2.8.2", true},
		{"./wheels/six-1.16.0-py2.py3-none-any.whl", Requirement{Name: "six", URL: "./wheels/six-1.16.0-py2.py3-none-any.whl", Specifier: "==1.16.0"}, "1.16.0", true},
		{"./local/dir", Requirement{URL: "./local/dir"}, "", false},
		{"requests foo", Requirement{Name: "requests"}, "", false},
		{"[extra]", Requirement{}, "", false},
		{"a[unclosed", Requirement{Name: "a"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseRequirement(tt.in)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			if p := got.Pinned(); p != tt.pinned {
				t.Errorf("Pinned() = %q, want %q", p, tt.pinned)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Django": "django", "zope.interface": "zope-interface", "Foo__Bar--baz": "foo-bar-baz", " PyYAML ": "pyyaml",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveInclude(t *testing.T) {
	tests := []struct{ file, ref, want, err string }{
		{"requirements.txt", "base.txt", "base.txt", ""},
		{"svc/requirements.txt", "../common/req.txt", "common/req.txt", ""},
		{"svc/requirements.txt", "../../etc/passwd", "", "leaves the scanned tree"},
		{"requirements.txt", "/etc/passwd", "", "absolute"},
		{"requirements.txt", `C:\x.txt`, "", "absolute"},
		{"requirements.txt", "~/x.txt", "", "absolute"},
		{"requirements.txt", "https://e.com/r.txt", "", "remote"},
		{"dist/fn.zip!/requirements.txt", "sub/r.txt", "dist/fn.zip!/sub/r.txt", ""},
		{"dist/fn.zip!/requirements.txt", "../r.txt", "", "leaves its archive"},
	}
	for _, tt := range tests {
		got, err := resolveInclude(tt.file, tt.ref)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s -r %s: err %v, want %q", tt.file, tt.ref, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s -r %s = %q, %v; want %q", tt.file, tt.ref, got, err, tt.want)
		}
	}
}
