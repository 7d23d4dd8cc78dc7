package handling

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/source"
)

// TestAttributionWithinFile checks that an issue in a handler file goes to
// the handlers whose code runs it: module code runs for all of them, a
// function's body only for the handlers that reach it.
func TestAttributionWithinFile(t *testing.T) {
	cases := []struct {
		name, path, src string
		// handler lines and, per handler, the issue lines it runs
		runs map[int][]int
	}{
		{
			name: "js two handlers, helper and module code",
			path: "src/orders.js",
			src: `const http = require('http');
const RELAY = 'http://relay.partner-shop.io/send';
const agent = new (require('https').Agent)({ rejectUnauthorized: false });

function send(body) {
  return http.request(RELAY, { method: 'POST' });
}

module.exports.create = async (event) => {
  console.log(event);
  return send('x');
};

module.exports.get = async (event) => {
  return { statusCode: 200 };
};
`,
			runs: map[int][]int{9: {2, 3, 10}, 14: {3}, 0: {2, 3, 10}},
		},
		{
			name: "python handlers",
			path: "app.py",
			src: `import requests

def helper(event):
    print(event)

def create(event, context):
    helper(event)
    return {}

def get(event, context):
    return requests.get("https://api.partner-shop.io", verify=False)
`,
			runs: map[int][]int{6: {4}, 10: {11}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := source.Parse(tc.path, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			a := analyze(f)
			f.Close()
			for hl, want := range tc.runs {
				got := []int{}
				for _, is := range a.issues {
					if a.runs(is, hl) {
						got = append(got, is.line)
					}
				}
				sort.Ints(got)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("handler at line %d runs (-want +got):\n%s", hl, diff)
				}
			}
		})
	}
}
