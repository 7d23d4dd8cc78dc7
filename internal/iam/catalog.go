package iam

import (
	"fmt"
	"sort"
	"strings"
)

// Level is the access level of an IAM action, as the AWS Service
// Authorization Reference classifies actions (List, Read, Write,
// Permissions management, Tagging).
type Level int

// Access levels, least powerful first.
const (
	LevelUnknown Level = iota
	LevelList
	LevelRead
	LevelTagging
	LevelWrite
	LevelPermissions
)

var levelNames = map[Level]string{
	LevelUnknown: "unknown", LevelList: "list", LevelRead: "read", LevelTagging: "tagging",
	LevelWrite: "write", LevelPermissions: "permissions",
}

// String returns the lower-case name of the level.
func (l Level) String() string { return levelNames[l] }

// Powerful reports whether the level changes data or access (Write,
// Permissions management): the grants least privilege cares most about.
func (l Level) Powerful() bool { return l >= LevelWrite }

// actionSpec is one IAM action an operation needs and the resource it is
// evaluated against.
type actionSpec struct {
	name  string // without prefix
	role  string // resource role (see arnFor), "*" for actions without resource
	level Level
	// optional marks actions only some runs need (aborting a failed
	// multipart upload): suggested, never reported missing.
	optional bool
}

// opSpec is what one API operation needs.
type opSpec struct {
	name    string
	actions []actionSpec
	// noAuth marks operations the service authorises with a user token or
	// not at all (Cognito InitiateAuth, STS GetCallerIdentity): no IAM action.
	noAuth bool
}

// v3Pkg is a package of the JavaScript SDK v3 and its aggregated class.
type v3Pkg struct{ pkg, class string }

// service is one AWS service of the table.
type service struct {
	key    string   // catalog key (the boto3 name)
	prefix string   // IAM action prefix
	v2     []string // SDK v2 class names (AWS.DynamoDB)
	v3     []v3Pkg  // SDK v3 packages ("@aws-sdk/client-<pkg>") and their aggregated class
	boto3  []string // boto3 service names
	goPkgs []string // Go SDK service package names (aws-sdk-go-v2/service/<name>, aws-sdk-go/service/<name>)
	// params names, per resource role, the request parameters holding the
	// resource, in the order they are tried.
	params map[string][]string
	ops    map[string]*opSpec // by lower-case operation name
	// extra are further actions of the service (name → level), known so
	// that wildcards can be expanded and weighed.
	extra map[string]Level
}

// catalog indexes the services.
type catalog struct {
	byKey    map[string]*service
	byV2     map[string]*service // class name
	byV2Path map[string]*service // "aws-sdk/clients/<lower>"
	byV3     map[string]*service // package name
	v3Class  map[string]string   // package name → aggregated class
	byBoto3  map[string]*service
	byGo     map[string]*service // package name
	byPrefix map[string][]*service
}

// services is the table, built once from serviceDefs.
var services = buildCatalog(serviceDefs)

// buildCatalog parses the definitions; a malformed entry is a programming
// error caught by the tests, so it panics at init.
func buildCatalog(defs []serviceDef) *catalog {
	c := &catalog{byKey: map[string]*service{}, byV2: map[string]*service{}, byV2Path: map[string]*service{},
		byV3: map[string]*service{}, v3Class: map[string]string{}, byBoto3: map[string]*service{},
		byGo: map[string]*service{}, byPrefix: map[string][]*service{}}
	for _, d := range defs {
		s, err := d.build()
		if err != nil {
			panic(fmt.Sprintf("iam catalog: %s: %v", d.key, err))
		}
		c.add(s)
	}
	return c
}

func (c *catalog) add(s *service) {
	c.byKey[s.key] = s
	for _, n := range s.v2 {
		c.byV2[n] = s
		c.byV2Path["aws-sdk/clients/"+strings.ToLower(n)] = s
	}
	for _, p := range s.v3 {
		c.byV3["@aws-sdk/client-"+p.pkg] = s
		c.v3Class["@aws-sdk/client-"+p.pkg] = p.class
	}
	for _, n := range s.boto3 {
		c.byBoto3[n] = s
	}
	for _, n := range s.goPkgs {
		c.byGo[n] = s
	}
	c.byPrefix[s.prefix] = append(c.byPrefix[s.prefix], s)
}

// op returns the operation spec of a service, or nil.
func (s *service) op(name string) *opSpec {
	if s == nil {
		return nil
	}
	return s.ops[strings.ToLower(name)]
}

// actionLevel returns the level of prefix:name, from the table when listed,
// else guessed from the verb the name starts with.
func actionLevel(prefix, name string) Level {
	for _, s := range services.byPrefix[prefix] {
		for _, o := range s.ops {
			for _, a := range o.actions {
				if strings.EqualFold(a.name, name) {
					return a.level
				}
			}
		}
		for n, l := range s.extra {
			if strings.EqualFold(n, name) {
				return l
			}
		}
	}
	return levelByVerb(name)
}

// levelByVerb guesses an action's level from its name, the way the
// reference's classes mostly fall: policies, ACLs, grants and permissions
// are permissions management; Get/Describe read; List list; the rest
// writes. Used only for actions the table does not list.
func levelByVerb(name string) Level {
	switch {
	case containsAny(name, "Policy", "Acl", "ACL", "Permission", "Grant", "PassRole", "PublicAccessBlock"):
		return LevelPermissions
	case hasAnyPrefix(name, "Tag", "Untag"):
		return LevelTagging
	case hasAnyPrefix(name, "List"):
		return LevelList
	case hasAnyPrefix(name, "Get", "Describe", "Query", "Scan", "BatchGet", "Head", "Select", "Search", "Check", "Lookup", "Read", "View", "Receive", "Detect", "Analyze"):
		return LevelRead
	}
	return LevelWrite
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// knownActions returns every action of prefix the table knows ("s3:GetObject"), sorted.
func knownActions(prefix string) []string {
	seen := map[string]bool{}
	for _, s := range services.byPrefix[prefix] {
		for _, o := range s.ops {
			for _, a := range o.actions {
				seen[prefix+":"+a.name] = true
			}
		}
		for n := range s.extra {
			seen[prefix+":"+n] = true
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// catalogPrefixes returns the IAM prefixes of the table, sorted.
func catalogPrefixes() []string {
	out := make([]string, 0, len(services.byPrefix))
	for p := range services.byPrefix {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// serviceDef is the compact, readable form of a service in catalog_data.go.
type serviceDef struct {
	key, prefix string
	v2          []string
	v3          []v3Pkg
	boto3       []string
	goPkgs      []string
	params      map[string][]string
	// ops: "Operation=Action@role:level,Action@role:level"; "Operation=-"
	// for operations that need no IAM permission. Levels: l list, r read,
	// t tagging, w write, p permissions management. "~Action" marks an
	// action only some runs need.
	ops []string
	// extra: "Action:level".
	extra []string
}

func (d serviceDef) build() (*service, error) {
	s := &service{key: d.key, prefix: d.prefix, v2: d.v2, v3: d.v3, boto3: d.boto3, goPkgs: d.goPkgs,
		params: d.params, ops: map[string]*opSpec{}, extra: map[string]Level{}}
	for _, line := range d.ops {
		o, err := parseOp(line)
		if err != nil {
			return nil, err
		}
		for _, a := range o.actions {
			if _, ok := d.params[a.role]; !ok && a.role != "*" {
				return nil, fmt.Errorf("op %s: resource role %q has no parameters", o.name, a.role)
			}
		}
		s.ops[strings.ToLower(o.name)] = o
	}
	for _, e := range d.extra {
		name, lv, ok := strings.Cut(e, ":")
		l, known := levelCodes[lv]
		if !ok || !known {
			return nil, fmt.Errorf("extra %q: want Action:level", e)
		}
		s.extra[name] = l
	}
	return s, nil
}

var levelCodes = map[string]Level{"l": LevelList, "r": LevelRead, "t": LevelTagging, "w": LevelWrite, "p": LevelPermissions}

// parseOp reads "Op=Action@role:level,…" or "Op=-".
func parseOp(line string) (*opSpec, error) {
	name, rest, ok := strings.Cut(line, "=")
	if !ok || name == "" {
		return nil, fmt.Errorf("op %q: want Op=Action@role:level", line)
	}
	o := &opSpec{name: name}
	if rest == "-" {
		o.noAuth = true
		return o, nil
	}
	for _, part := range strings.Split(rest, ",") {
		act, tail, ok1 := strings.Cut(part, "@")
		role, lv, ok2 := strings.Cut(tail, ":")
		l, known := levelCodes[lv]
		optional := strings.HasPrefix(act, "~")
		act = strings.TrimPrefix(act, "~")
		if !ok1 || !ok2 || !known || act == "" || role == "" {
			return nil, fmt.Errorf("op %q: bad action %q", line, part)
		}
		o.actions = append(o.actions, actionSpec{name: act, role: role, level: l, optional: optional})
	}
	return o, nil
}
