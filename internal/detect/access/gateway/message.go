package gateway

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	acciam "github.com/cladsec/clad/internal/detect/access/iam"
	"github.com/cladsec/clad/internal/model"
)

// message names the gateway, each callee with its protection, and where
// the key lives.
func message(c calls.Call, ts []trust) string {
	gw := c.Caller
	var b strings.Builder
	fmt.Fprintf(&b, "Anonymous function %s (%s) ", gw.Name, fnmap.Endpoints(fnmap.PublicHTTP(gw, true)))
	if c.Kind == calls.KindInvoke {
		fmt.Fprintf(&b, "invokes %s directly at %s:%d", calleeList(c, ts), c.File, c.Line)
	} else {
		fmt.Fprintf(&b, "calls %s at %s:%d", calleeList(c, ts), c.File, c.Line)
	}
	fmt.Fprintf(&b, " with %s. ", keyText(gw, ts))
	names := make([]string, 0, len(ts))
	for _, t := range ts {
		names = append(names, t.fn.Name)
	}
	sort.Strings(names)
	who, verb := strings.Join(names, " and "), "trusts"
	if len(names) > 1 {
		verb = "trust"
	}
	if c.Kind == calls.KindInvoke {
		fmt.Fprintf(&b, "%s %s the input of every request that reaches %s, and %s: a flaw in %s (a check that does not stop the request, an injection) runs %s for anyone.",
			who, verb, gw.Name, holdsText(ts), gw.Name, who)
		return b.String()
	}
	fmt.Fprintf(&b, "That key is the only protection of %s, so %s %s whatever reaches %s: a flaw in %s (a check that does not stop the request, an injection, an SSRF) runs %s for anyone on the internet.",
		who, who, verb, gw.Name, gw.Name, who)
	return b.String()
}

// calleeList names each callee with its endpoint and protection.
func calleeList(c calls.Call, ts []trust) string {
	var parts []string
	for _, t := range ts {
		var desc []string
		if eps := c.Endpoints[t.fn.ID]; len(eps) > 0 {
			desc = append(desc, fnmap.Endpoints(eps))
		}
		desc = append(desc, t.guard)
		if len(t.admin) > 0 {
			desc = append(desc, "admin-like: "+strings.Join(t.admin, ", "))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", t.fn.Name, strings.Join(desc, "; ")))
	}
	return strings.Join(parts, " and ")
}

// keyText says which key the gateway sends and where it lives.
func keyText(gw *model.Function, ts []trust) string {
	var vias, wheres []string
	configs := map[string][]string{} // file → "key at line n"
	var files []string
	for _, t := range ts {
		for _, k := range t.keys {
			vias = appendOnce(vias, k.Via)
			for _, o := range k.Origins {
				if o.Kind != calls.OriginConfig {
					wheres = appendOnce(wheres, originText(gw, o))
					continue
				}
				if _, ok := configs[o.File]; !ok {
					files = append(files, o.File)
				}
				configs[o.File] = appendOnce(configs[o.File], fmt.Sprintf("%s at line %d", o.Name, o.Line))
			}
		}
	}
	for _, file := range files {
		s := fmt.Sprintf("%s (%s)", file, strings.Join(configs[file], ", "))
		if shipped(gw, file) {
			s += ", a committed file packaged with " + gw.Name
		}
		wheres = append(wheres, s)
	}
	if len(vias) == 1 && vias[0] == "execution role" {
		return "its execution role (" + strings.Join(wheres, "; ") + ")"
	}
	return "the key in the " + strings.Join(vias, " and ") + " taken from " + strings.Join(wheres, "; ")
}

// originText says where one piece of a key lives (config files are
// grouped by keyText).
func originText(gw *model.Function, o calls.Origin) string {
	switch o.Kind {
	case calls.OriginCode:
		return fmt.Sprintf("a literal in %s:%d", o.File, o.Line)
	case calls.OriginEnv:
		return envText(gw, o)
	case calls.OriginRole:
		if o.File == "" {
			return "no statement clad can see grants lambda:InvokeFunction"
		}
		return fmt.Sprintf("lambda:InvokeFunction granted by %s at %s:%d", o.Name, o.File, o.Line)
	}
	return "a value computed at run time"
}

// envText names an environment variable or app setting and who shares it.
func envText(gw *model.Function, o calls.Origin) string {
	kind := "environment variable"
	if gw.Provider == model.Azure {
		kind = "app setting"
	}
	s := kind + " " + o.Name
	switch {
	case o.File == "":
		return s + " (not set in the manifest)"
	case !o.Resolved:
		s += fmt.Sprintf(" (set at %s:%d from a reference)", o.File, o.Line)
	default:
		s += fmt.Sprintf(" (a literal value at %s:%d)", o.File, o.Line)
	}
	switch o.Setting {
	case "provider", "local.settings", "globals":
		s += ", shared by every function of the " + appWord(gw)
	}
	return s
}

func appWord(fn *model.Function) string {
	if fn.Provider == model.Azure {
		return "app"
	}
	return "service"
}

// shipped reports a file the gateway's code loads (so it is packaged).
func shipped(gw *model.Function, file string) bool {
	for _, f := range gw.Files {
		if f == file {
			return true
		}
	}
	return path.Dir(file) == gw.CodeDir
}

// holdsMore says what a directly invoked callee has that the gateway
// lacks: an admin operation, credentials, stronger permissions.
func holdsMore(gw, g *model.Function, admin []string) []string {
	var out []string
	if len(admin) > 0 {
		out = append(out, "is an admin operation ("+strings.Join(admin, ", ")+")")
	}
	var secrets []string
	for _, e := range fnmap.SecretEnv(g) {
		if !hasEnv(gw, e) {
			secrets = appendOnce(secrets, e.Name)
		}
	}
	if len(secrets) > 0 {
		out = append(out, "holds credentials the gateway does not ("+strings.Join(secrets, ", ")+")")
	}
	gp, cp := acciam.FunctionPower(gw), acciam.FunctionPower(g)
	if cp.Class > gp.Class && cp.Writes() {
		out = append(out, fmt.Sprintf("may do more than the gateway (%s power: %s)", cp.Class, strings.Join(cp.Grants, "; ")))
	}
	return out
}

func hasEnv(fn *model.Function, e model.EnvVar) bool {
	for _, x := range fn.Environment {
		if x.Name == e.Name && x.Value == e.Value {
			return true
		}
	}
	return false
}

// holdsText joins what the callees hold.
func holdsText(ts []trust) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.fn.Name+" "+strings.Join(t.holds, " and "))
	}
	return strings.Join(parts, "; ")
}
