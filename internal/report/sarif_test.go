package report

import (
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go/build"
	"os"
	"path/filepath"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

// sarifDoc mirrors the parts of a SARIF log the structural test reads.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID         string `json:"id"`
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
						Precision        string   `json:"precision"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string                `json:"ruleId"`
			RuleIndex           *int                  `json:"ruleIndex"`
			Level               string                `json:"level"`
			Message             struct{ Text string } `json:"message"`
			Locations           []sarifTestLoc        `json:"locations"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
			CodeFlows           []struct {
				ThreadFlows []struct {
					Locations []struct {
						Location sarifTestLoc `json:"location"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
			Properties struct {
				Functions []string `json:"functions"`
			} `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

// sarifTestLoc is a SARIF location as the test reads it.
type sarifTestLoc struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine int `json:"startLine"`
			EndLine   int `json:"endLine"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// checkLoc fails on a location without a URI, base or line.
func checkLoc(t *testing.T, what string, l sarifTestLoc) {
	t.Helper()
	pl := l.PhysicalLocation
	if pl.ArtifactLocation.URI == "" || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("%s: bad artifact location %+v", what, pl.ArtifactLocation)
	}
	if pl.Region.StartLine < 1 {
		t.Errorf("%s: startLine %d < 1", what, pl.Region.StartLine)
	}
	if pl.Region.EndLine != 0 && pl.Region.EndLine < pl.Region.StartLine {
		t.Errorf("%s: endLine %d before startLine %d", what, pl.Region.EndLine, pl.Region.StartLine)
	}
}

func TestSARIFStructure(t *testing.T) {
	r := sampleReport()
	r.Findings[0].EndLine = 3 // before the start line: must be dropped
	out := render(t, FormatSARIF, r, Options{})
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}
	if doc.Version != "2.1.0" || doc.Schema == "" || len(doc.Runs) != 1 {
		t.Fatalf("version %q, $schema %q, %d runs", doc.Version, doc.Schema, len(doc.Runs))
	}
	run := doc.Runs[0]
	if d := run.Tool.Driver; d.Name != "clad" || d.InformationURI != "https://github.com/cladsec/clad" {
		t.Errorf("driver %q %q", d.Name, d.InformationURI)
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	rules := run.Tool.Driver.Rules
	wantLevel := map[finding.Severity]string{
		finding.SeverityCritical: "error", finding.SeverityHigh: "error",
		finding.SeverityMedium: "warning", finding.SeverityLow: "note", finding.SeverityInfo: "note",
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(rules) {
			t.Fatalf("result %d: ruleIndex %v out of %d rules", i, res.RuleIndex, len(rules))
		}
		if rules[*res.RuleIndex].ID != res.RuleID || res.RuleID != f.Rule {
			t.Errorf("result %d: ruleId %q, rules[%d] = %q, finding rule %q", i, res.RuleID, *res.RuleIndex, rules[*res.RuleIndex].ID, f.Rule)
		}
		if res.Level != wantLevel[f.Severity] {
			t.Errorf("result %d: level %q for %s", i, res.Level, f.Severity)
		}
		if res.PartialFingerprints["cladFingerprint/v1"] != f.Fingerprint {
			t.Errorf("result %d: fingerprints %v", i, res.PartialFingerprints)
		}
		if res.Message.Text == "" || res.Properties.Functions == nil {
			t.Errorf("result %d: empty message or null functions", i)
		}
		for _, l := range res.Locations {
			checkLoc(t, res.RuleID, l)
		}
		for _, cf := range res.CodeFlows {
			for _, tf := range cf.ThreadFlows {
				for _, l := range tf.Locations {
					checkLoc(t, res.RuleID+" trace", l.Location)
				}
			}
		}
	}
	checkSARIFSamples(t, &doc)
}

// checkSARIFSamples checks facts of particular sample findings.
func checkSARIFSamples(t *testing.T, doc *sarifDoc) {
	t.Helper()
	run := doc.Runs[0]
	if n := len(run.Results[0].CodeFlows); n != 1 || len(run.Results[0].CodeFlows[0].ThreadFlows[0].Locations) != 3 {
		t.Errorf("traced finding: %d code flows, want one of 3 steps", n)
	}
	if got := run.Results[4].Locations[0].PhysicalLocation.Region.StartLine; got != 1 {
		t.Errorf("finding without line: startLine %d, want 1", got)
	}
	if got := run.Results[5].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "dist/billing.zip!/nightly/index.js" {
		t.Errorf("zip entry uri %q", got)
	}
	seen := map[string]bool{}
	for _, rule := range run.Tool.Driver.Rules {
		if seen[rule.ID] {
			t.Errorf("rule %s listed twice", rule.ID)
		}
		seen[rule.ID] = true
		if !regexp.MustCompile(`^[0-9]+\.[0-9]$`).MatchString(rule.Properties.SecuritySeverity) {
			t.Errorf("rule %s: security-severity %q", rule.ID, rule.Properties.SecuritySeverity)
		}
		if rule.ID == "code-eval-injection" && !strings.Contains(strings.Join(rule.Properties.Tags, " "), "external/cwe/cwe-95") {
			t.Errorf("CWE tag missing: %v", rule.Properties.Tags)
		}
	}
	if !seen["data-env-file-committed"] {
		t.Errorf("rule missing from Report.Rules was not synthesised")
	}
}

func TestSARIFURI(t *testing.T) {
	tests := map[string]string{
		"src/render.js":         "src/render.js",
		"dist/a.zip!/b.js":      "dist/a.zip!/b.js",
		"my dir/a b.js":         "my%20dir/a%20b.js",
		"pages/[id].js":         "pages/%5Bid%5D.js",
		"c:x/y.js":              "c%3Ax/y.js",
		"a%b#c?.js":             "a%25b%23c%3F.js",
		"ünï.js":                "%C3%BCn%C3%AF.js",
		"lib/@scope/pkg/i.js":   "lib/@scope/pkg/i.js",
		"a/b(1),c;d=e&f+g~h.js": "a/b(1),c;d=e&f+g~h.js",
	}
	for in, want := range tests {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCWETag(t *testing.T) {
	tests := map[string]string{"CWE-78": "external/cwe/cwe-78", "cwe-22": "external/cwe/cwe-22", "798": "external/cwe/cwe-798", "OWASP-A1": "", "CWE-": ""}
	for in, want := range tests {
		if got := cweTag(in); got != want {
			t.Errorf("cweTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// sarifSchemaFile is where go-sarif (a test dependency in go.mod) keeps the
// official SARIF 2.1.0 schema as a Go string.
const sarifSchemaFile = "github.com/owenrumney/go-sarif/v3@v3.3.1/pkg/report/v210/sarif/schema.go"

// officialSARIFSchema reads the SARIF schema from the module cache.
func officialSARIFSchema(t *testing.T) any {
	t.Helper()
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		cache = filepath.Join(build.Default.GOPATH, "pkg", "mod")
	}
	src, err := os.ReadFile(filepath.Join(cache, filepath.FromSlash(sarifSchemaFile)))
	if err != nil {
		t.Fatalf("official SARIF schema not in the module cache (run go mod download): %v", err)
	}
	start, end := bytes.IndexByte(src, '`'), bytes.LastIndexByte(src, '`')
	if start < 0 || end <= start {
		t.Fatal("unexpected layout of the SARIF schema file")
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src[start+1 : end]))
	if err != nil {
		t.Fatalf("parse SARIF schema: %v", err)
	}
	return doc
}

func TestSARIFMatchesOfficialSchema(t *testing.T) {
	doc := officialSARIFSchema(t)
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	for name, r := range map[string]*Report{"sample": sampleReport(), "empty": emptyReport()} {
		out := render(t, FormatSARIF, r, Options{})
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not match the 2.1.0 schema: %v", name, err)
		}
		if _, err := gosarif.FromBytes(out); err != nil {
			t.Errorf("%s: go-sarif cannot read the output: %v", name, err)
		}
	}
	bad := bytes.Replace(render(t, FormatSARIF, sampleReport(), Options{}), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("the SARIF schema accepted level \"fatal\"; the check is not effective")
	}
}
