package maven

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild/locktest"
	"github.com/cladsec/clad/internal/walk"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		parser deps.Parser
	}{
		{"pom", NewPOM()},
		{"gradle", NewGradle()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := locktest.Tree(t, filepath.Join("testdata", tt.name))
			got := locktest.ParseAll(t, tt.parser, tree)
			locktest.Golden(t, filepath.Join("testdata", "golden", tt.name+".txt"), got)
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"broken xml", "pom.xml", "<project>\n<dependencies>\n<dependency>\n</project>\n", "pom.xml:4:"},
		{"not a pom", "pom.xml", "<settings/>", "not a Maven POM"},
		{"empty", "pom.xml", "", "no XML element"},
		{"binary", "pom.xml", "<project>\x00</project>", "not a text file"},
		{"entity", "pom.xml", "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>", "pom.xml"},
		{"deep", "pom.xml", strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100), "too deeply nested"},
		{"gradle line", "gradle.lockfile", "# x\ncom.example:only-two=runtimeClasspath\n", "gradle.lockfile:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{tt.file: tt.body})
			var p deps.Parser = NewPOM()
			if tt.file != "pom.xml" {
				p = NewGradle()
			}
			_, err := p.Parse(context.Background(), tree, tt.file)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestPropertyLoop(t *testing.T) {
	pr := &properties{values: map[string]string{"a": "${b}", "b": "${a}", "c": "1.${d}", "d": "2"}}
	if _, ok := pr.resolve("${a}"); ok {
		t.Error("a property loop resolved")
	}
	if v, ok := pr.resolve("${c}.3"); !ok || v != "1.2.3" {
		t.Errorf("nested property = %q, %v", v, ok)
	}
	if v, ok := pr.resolve("${unclosed"); ok || v == "" {
		t.Errorf("unclosed reference = %q, %v", v, ok)
	}
}

func TestGradleScope(t *testing.T) {
	tests := []struct {
		confs []string
		want  deps.Scope
	}{
		{[]string{"runtimeClasspath"}, deps.Runtime},
		{[]string{"testRuntimeClasspath", "testCompileClasspath"}, deps.Dev},
		{[]string{"debugAndroidTestRuntimeClasspath"}, deps.Dev},
		{[]string{"releaseRuntimeClasspath", "testRuntimeClasspath"}, deps.Runtime},
		{[]string{"compileClasspath"}, deps.Unknown},
		{[]string{""}, deps.Unknown},
	}
	for _, tt := range tests {
		if got := gradleScope(tt.confs, false); got != tt.want {
			t.Errorf("gradleScope(%v) = %s, want %s", tt.confs, got, tt.want)
		}
	}
}

func fuzzParser(f *testing.F, p deps.Parser, name string, seeds ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = p.Parse(context.Background(), tree, name)
	})
}

func FuzzPOM(f *testing.F) {
	fuzzParser(f, NewPOM(), "pom.xml", "testdata/pom/pom.xml", "testdata/pom/orders-api/pom.xml")
}

func FuzzGradle(f *testing.F) {
	fuzzParser(f, NewGradle(), "gradle.lockfile", "testdata/gradle/gradle.lockfile")
}

func FuzzXML(f *testing.F) {
	f.Add([]byte("<project><properties><a>${b}</a><b>1</b></properties><dependencies><dependency><groupId>g</groupId></dependency></dependencies></project>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := parseXML(data)
		if err != nil {
			return
		}
		p := &pom{file: "pom.xml", root: root}
		props := newProperties(p)
		for _, d := range root.child("dependencies").all("dependency") {
			props.resolve(d.value("version"))
		}
	})
}
