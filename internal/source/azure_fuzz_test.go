package source

import (
	"bytes"
	"testing"
)

// checkAzureLines fails when a value reports a line outside the file.
func checkAzureLines(t *testing.T, v AzureValue, maxLine, depth int) {
	if v.Line < 0 || v.Line > maxLine || depth > maxAzureDepth+2 {
		t.Fatalf("value %+v: line outside 1..%d or too deep", v, maxLine)
	}
	for _, it := range v.Items {
		checkAzureLines(t, it, maxLine, depth+1)
	}
	for _, it := range v.Fields {
		checkAzureLines(t, it, maxLine, depth+1)
	}
}

func FuzzAzurePython(f *testing.F) {
	f.Add([]byte("import azure.functions as func\napp = func.FunctionApp()\n@app.route(route='x', methods=['GET'])\ndef h(req): pass\napp.register_functions(bp)\n"))
	f.Add([]byte("@a.b.c(((((x)))), k=[1, (2, 'y'), f'{z}'])\nasync def q(): ...\nfrom . import (a as b)\n"))
	f.Add([]byte("@app.route(\ndef"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("function_app.py", src)
		if err != nil {
			return
		}
		defer file.Close()
		maxLine := bytes.Count(src, []byte("\n")) + 1
		m := file.AzurePython()
		for _, fn := range m.Functions {
			if fn.Line < 1 || fn.Line > maxLine || fn.Name == "" || len(fn.Decorators) == 0 {
				t.Fatalf("bad function %+v", fn)
			}
			for _, d := range fn.Decorators {
				checkAzureLines(t, d.Args, maxLine, 0)
			}
		}
		for _, o := range m.Objects {
			checkAzureLines(t, o.Call, maxLine, 0)
		}
		for _, c := range m.Calls {
			checkAzureLines(t, c.Args, maxLine, 0)
		}
	})
}

func FuzzAzureNode(f *testing.F) {
	f.Add([]byte("const { app } = require('@azure/functions');\napp.http('x', { methods: ['GET'], handler: async () => 1 });\n"), false)
	f.Add([]byte("import * as az from '@azure/functions';\nimport h from './h';\naz.app.get('a', h);\naz.app.timer(`t`, {schedule: '* * *', handler: h.x.y});\n"), true)
	f.Add([]byte("import { app as a } from '@azure/functions'; a.generic('g', { trigger: trigger.generic({ type: 'x' }), handler: <any>(() => 1) });"), true)
	f.Fuzz(func(t *testing.T, src []byte, ts bool) {
		path := "h.js"
		if ts {
			path = "h.ts"
		}
		file, err := Parse(path, src)
		if err != nil {
			return
		}
		defer file.Close()
		maxLine := bytes.Count(src, []byte("\n")) + 1
		for _, r := range file.AzureNodeRegistrations() {
			if r.Line < 1 || r.Line > maxLine || r.Method == "" || r.Handler.Line < 0 || r.Handler.Line > maxLine {
				t.Fatalf("bad registration %+v", r)
			}
			for _, a := range r.Args {
				checkAzureLines(t, a, maxLine, 0)
			}
		}
	})
}
