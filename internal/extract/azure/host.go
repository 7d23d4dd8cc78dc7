package azure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
)

// defaultRoutePrefix is the prefix of every HTTP route unless host.json
// sets extensions.http.routePrefix.
const defaultRoutePrefix = "api"

// host is what clad reads from host.json.
type host struct {
	// azure is true when the file carries a key only Azure's host.json has.
	azure bool
	// routePrefix is the HTTP route prefix, "" when set empty.
	routePrefix string
	// timeout is functionTimeout in seconds; nil when unset or unlimited.
	timeout *int
	// timeoutErr describes a functionTimeout clad could not read.
	timeoutErr  string
	timeoutLine int
	// custom is true when host.json configures a custom handler
	// (customHandler, or the older httpWorker).
	custom bool
	// customExe is customHandler.description.defaultExecutablePath;
	// customWorker its defaultWorkerPath and customArgs its arguments (an
	// interpreter such as node or python runs the worker file or module).
	customExe    string
	customWorker string
	customArgs   []string
}

// parseHost reads host.json. Keys are matched case-insensitively, as the
// Functions host does.
func parseHost(data []byte) (*host, error) {
	root, err := cfgtree.Parse(data)
	if err != nil {
		return nil, err
	}
	h := &host{routePrefix: defaultRoutePrefix}
	if root.Kind != cfgtree.Map {
		return h, nil
	}
	h.azure = anyKey(root, "version", "extensionBundle", "functionTimeout", "extensions", "customHandler", "httpWorker", "managedDependency")
	h.readRoutePrefix(root)
	h.readTimeout(root.GetFold("functionTimeout"))
	h.readCustomHandler(root)
	return h, nil
}

// readCustomHandler reads customHandler.description (or the older
// httpWorker.description): the executable, the worker file, the arguments.
func (h *host) readCustomHandler(root *cfgtree.Node) {
	for _, key := range []string{"customHandler", "httpWorker"} {
		d := fold(root, key, "description")
		if root.GetFold(key) == nil {
			continue
		}
		h.custom = true
		h.customExe = d.GetFold("defaultExecutablePath").Str()
		h.customWorker = d.GetFold("defaultWorkerPath").Str()
		h.customArgs = d.GetFold("arguments").Strings()
		return
	}
}

// readRoutePrefix takes extensions.http.routePrefix (version 2.0) or
// http.routePrefix (version 1).
func (h *host) readRoutePrefix(root *cfgtree.Node) {
	p := fold(root, "extensions", "http", "routePrefix")
	if p == nil {
		p = fold(root, "http", "routePrefix")
	}
	if p != nil && p.Kind != cfgtree.Map && p.Kind != cfgtree.Seq {
		h.routePrefix = strings.Trim(p.Str(), "/ ")
	}
}

// readTimeout reads functionTimeout; "-1" (no limit) leaves timeout nil.
func (h *host) readTimeout(n *cfgtree.Node) {
	if n == nil || n.Kind == cfgtree.Null {
		return
	}
	secs, unlimited, err := parseTimeSpan(n.Str())
	switch {
	case err != nil:
		h.timeoutErr, h.timeoutLine = fmt.Sprintf("functionTimeout %q: %v", n.Str(), err), n.Line
	case !unlimited:
		h.timeout = &secs
	}
}

// warnHost reports what host.json held that clad could not use.
func (a *app) warnHost(out *extract.Result) {
	if a.host.timeoutErr != "" {
		out.Warn(name, a.hostPath, a.host.timeoutLine, "parse", a.host.timeoutErr)
	}
}

// fold follows a chain of map keys case-insensitively.
func fold(n *cfgtree.Node, keys ...string) *cfgtree.Node {
	for _, k := range keys {
		if n = n.GetFold(k); n == nil {
			return nil
		}
	}
	return n
}

// anyKey reports whether n has any of keys, case-insensitively.
func anyKey(n *cfgtree.Node, keys ...string) bool {
	for _, k := range keys {
		if n.GetFold(k) != nil {
			return true
		}
	}
	return false
}
