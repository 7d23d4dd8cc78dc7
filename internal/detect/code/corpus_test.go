package code

import (
	"context"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

var handlerExport = regexp.MustCompile(`(?m)^(?:exports\.handler\s*=|module\.exports\.handler\s*=|export\s+(?:const|async function|function)\s+handler\b|(?:async\s+)?def\s+(?:lambda_)?handler\s*\()`)

// TestCorpus runs the detector over handler code written elsewhere (set
// CLAD_CORPUS to a directory): every file that exports a `handler`
// becomes a function with no trigger (invoked with a payload of the
// caller's choosing, the broadest source). It logs every finding and the
// rate per 100 functions, for reading them one by one.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("CLAD_CORPUS")
	if dir == "" {
		t.Skip("set CLAD_CORPUS to a directory of handler code")
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	var fns []*model.Function
	for _, f := range tree.Files {
		ext := path.Ext(f.Path)
		if ext != ".js" && ext != ".ts" && ext != ".py" && ext != ".mjs" || strings.Contains(f.Path, "node_modules/") || strings.HasSuffix(f.Path, ".d.ts") {
			continue
		}
		src, err := tree.ReadFile(f.Path)
		if err != nil || !handlerExport.Match(src) {
			continue
		}
		sym := "handler"
		if ext == ".py" && regexp.MustCompile(`def\s+lambda_handler`).Match(src) {
			sym = "lambda_handler"
		}
		fns = append(fns, &model.Function{
			ID: "corpus/" + f.Path, Name: f.Path, Provider: model.AWS, Runtime: map[bool]string{true: "python3.12", false: "nodejs18.x"}[ext == ".py"],
			Handler: strings.TrimSuffix(path.Base(f.Path), ext) + "." + sym, File: f.Path, CodeDir: path.Dir(f.Path),
			HandlerStatus: model.HandlerResolved, Triggers: []model.Trigger{},
		})
	}
	start := time.Now()
	var got []finding.Finding
	err = New().Detect(context.Background(), &detect.Input{Project: &model.Project{Functions: fns}, Tree: tree}, func(f finding.Finding) { got = append(got, f) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		t.Logf("%s %s:%d %v\n    %s\n    evidence: %s", f.Rule, f.File, f.Line, f.Functions, f.Message, f.Evidence)
	}
	per100 := 0.0
	if len(fns) > 0 {
		per100 = float64(len(got)) * 100 / float64(len(fns))
	}
	t.Logf("corpus: %d functions, %d findings (%.1f per 100 functions), analysed in %v", len(fns), len(got), per100, time.Since(start))
}
