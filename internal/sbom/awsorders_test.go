package sbom

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// awsOrders is the demo app; examples/aws-orders/EXPECTED.md is its answer key.
const awsOrders = "../../examples/aws-orders"

// TestAWSOrders checks the inventory of the demo app against EXPECTED.md:
// packaging is not individual, so every production package ships with
// all five functions (the per-handler import reach in EXPECTED.md is a
// finer notion the findings use, not what is packaged); devDependencies
// ship with none.
func TestAWSOrders(t *testing.T) {
	inv := inventoryOf(t, awsOrders)
	all := []string{
		"aws-orders/createOrder", "aws-orders/exportReport", "aws-orders/getOrder",
		"aws-orders/notifyCustomer", "aws-orders/processUpload",
	}
	if got := len(inv.Functions); got != 5 {
		t.Fatalf("%d functions, want 5", got)
	}
	for _, tt := range []struct {
		key   string
		scope string
		line  int
		fns   []string
		reach []string // functions whose handler imports it (EXPECTED.md); all must be among fns
	}{
		{"pkg:npm/lodash@4.17.15", "runtime", 263, all, []string{"aws-orders/createOrder", "aws-orders/getOrder"}},
		{"pkg:npm/node-serialize@0.0.4", "runtime", 336, all, []string{"aws-orders/createOrder", "aws-orders/getOrder", "aws-orders/notifyCustomer"}},
		{"pkg:npm/xml2js@0.4.19", "runtime", 433, all, []string{"aws-orders/processUpload", "aws-orders/createOrder", "aws-orders/getOrder", "aws-orders/exportReport"}},
		{"pkg:npm/aws-sdk@2.814.0", "runtime", 0, all, nil},
		{"pkg:npm/uuid@8.3.2", "runtime", 0, all, nil},
		{"pkg:npm/uuid@3.3.2", "runtime", 0, all, nil},
		{"pkg:npm/mocha@5.2.0", "dev", 0, []string{}, nil},
		{"pkg:npm/minimist@0.0.8", "dev", 0, []string{}, nil},
		{"pkg:npm/minimatch@3.0.4", "dev", 0, []string{}, nil},
		{"pkg:npm/serverless-prune-plugin@1.4.3", "dev", 0, []string{}, nil},
		{"pkg:npm/bluebird@3.7.2", "dev", 0, []string{}, nil},
	} {
		p := inv.Get(tt.key)
		if p == nil {
			t.Errorf("%s missing from the inventory", tt.key)
			continue
		}
		if string(p.Scope) != tt.scope {
			t.Errorf("%s: scope %s, want %s", tt.key, p.Scope, tt.scope)
		}
		if d := cmp.Diff(tt.fns, p.Functions); d != "" {
			t.Errorf("%s: functions differ (-want +got):\n%s", tt.key, d)
		}
		for _, fn := range tt.reach {
			if !contains(p.Functions, fn) {
				t.Errorf("%s: %s imports it but does not ship it", tt.key, fn)
			}
		}
		if tt.line > 0 && (len(p.Occurrences) != 1 || p.Occurrences[0].Line != tt.line) {
			t.Errorf("%s: occurrences %+v, want package-lock.json:%d", tt.key, p.Occurrences, tt.line)
		}
	}
	if p := inv.Get("pkg:npm/xml2js@0.4.19"); p != nil && p.Direct {
		t.Error("xml2js comes in through aws-sdk: it is transitive")
	}
	if p := inv.Get("pkg:npm/aws-sdk@2.814.0"); p != nil && !contains(p.DependsOn, "pkg:npm/xml2js@0.4.19") {
		t.Errorf("aws-sdk should depend on xml2js: %v", p.DependsOn)
	}
}

// TestAWSOrdersLicenseFilter: the filter a security lead runs first.
func TestAWSOrdersLicenseFilter(t *testing.T) {
	inv := inventoryOf(t, awsOrders)
	got := names(Filter{Licenses: []string{"BSD"}}.Apply(inv))
	want := []string{"diff@3.5.0", "ieee754@1.1.13"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("--license BSD (-want +got):\n%s", d)
	}
	shipped := names(Filter{Licenses: []string{"unknown"}, Scopes: []string{"runtime"}}.Apply(inv))
	for _, n := range shipped {
		if n == "lodash@4.17.15" {
			t.Error("lodash has a license (MIT) in the lockfile")
		}
	}
}
