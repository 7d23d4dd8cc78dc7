package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Statement origins and role names (see model.Statement and model.Function).
const (
	originProvider = "provider"
	originFunction = "function"
	roleProvider   = "provider"
	roleFunction   = "function"
)

// access works out the function's execution role and what it may do, in the
// framework's order of precedence:
//
//  1. the function's role: (an ARN, a role name or a role in resources),
//  2. its own iamRoleStatements, when a per-function-roles plugin is used
//     (the provider's statements too when it inherits them),
//  3. a custom provider role (provider.iam.role: <arn> or provider.role),
//  4. the role the framework generates from the provider's statements.
func (b *builder) access() {
	if b.s.provider != model.AWS {
		return
	}
	if role := b.def.Get("role"); isSet(role) {
		b.customRole(role)
		return
	}
	if own := b.def.Get("iamRoleStatements"); own != nil && b.ownRole(own) {
		return
	}
	if role := b.s.providerRole(); role != nil {
		b.customRole(role)
		return
	}
	b.f.Role = roleProvider
	b.providerPermissions()
}

// ownRole applies function-level iamRoleStatements; it reports false when no
// plugin makes them effective.
func (b *builder) ownRole(own *cfgtree.Node) bool {
	if !b.s.perFunctionRoles {
		b.s.warnAt(b.keyLocation(b.def, "iamRoleStatements"), "config",
			"function %q declares iamRoleStatements but no per-function roles plugin (serverless-iam-roles-per-function) is listed in plugins; the framework ignores them, so the provider role applies", b.f.Name)
		return false
	}
	b.f.Role = roleFunction
	b.statements(own, originFunction)
	if b.inherits() {
		b.providerPermissions()
	}
	return true
}

// inherits reports whether a per-function role also gets the provider's
// statements: iamRoleStatementsInherit, else the plugin's defaultInherit.
func (b *builder) inherits() bool {
	if v, ok := b.def.Get("iamRoleStatementsInherit").Bool(); ok {
		return v
	}
	return b.s.defaultInherit
}

// providerPermissions adds the provider's statements (v3 iam.role.statements,
// v1/v2 iamRoleStatements) and managed policies.
func (b *builder) providerPermissions() {
	role := b.s.provSetting("iam", "role")
	if role != nil && role.Kind == cfgtree.Map && !isIntrinsic(role) {
		b.statements(role.Get("statements"), originProvider)
		b.policies(role.Get("managedPolicies"), originProvider)
	}
	b.statements(b.s.provSetting("iamRoleStatements"), originProvider)
	b.policies(b.s.provSetting("iamManagedPolicies"), originProvider)
}

// providerRole returns a custom role set for the whole service, or nil.
func (s *service) providerRole() *cfgtree.Node {
	if role := s.provSetting("iam", "role"); isSet(role) && (role.Kind != cfgtree.Map || isIntrinsic(role)) {
		return role
	}
	if role := s.provSetting("role"); isSet(role) {
		return role
	}
	return nil
}

// customRole records an existing role: an ARN, a role name, or the logical
// id of a role defined under resources, whose policies are then read.
func (b *builder) customRole(n *cfgtree.Node) {
	text := b.text(n, "role")
	id := roleLogicalID(n)
	if id != "" && b.s.res.Path(id, "Type").Str() == "AWS::IAM::Role" {
		b.f.Role = id
		b.roleResource(id)
		return
	}
	b.f.Role = text
}

// roleLogicalID extracts the resource a role setting names: X from
// {Fn::GetAtt: [X, Arn]}, !GetAtt X.Arn, {Ref: X}, or a bare X.
func roleLogicalID(n *cfgtree.Node) string {
	fn, arg, ok := intrinsic(n)
	switch {
	case !ok:
		if v := n.Str(); !strings.HasPrefix(v, "arn:") {
			return v
		}
	case fn == "Ref":
		return arg.Value
	case fn == "Fn::GetAtt" && arg.Kind == cfgtree.Seq && len(arg.Items) > 0:
		return arg.Items[0].Str()
	case fn == "Fn::GetAtt":
		id, _, _ := strings.Cut(arg.Value, ".")
		return id
	}
	return ""
}

// roleResource adds the policies of an AWS::IAM::Role under resources, and
// of AWS::IAM::Policy / ManagedPolicy resources attached to it.
func (b *builder) roleResource(id string) {
	origin := "role:" + id
	props := b.s.res.Path(id, "Properties")
	for _, pol := range props.Get("Policies").List() {
		b.statements(pol.Path("PolicyDocument", "Statement"), origin)
	}
	b.policies(props.Get("ManagedPolicyArns"), origin)
	for _, e := range b.s.res.Entries {
		switch e.Value.Get("Type").Str() {
		case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
			p := e.Value.Get("Properties")
			if b.namesRole(p.Get("Roles"), id) {
				b.statements(p.Path("PolicyDocument", "Statement"), origin)
			}
		}
	}
}

// namesRole reports whether a Roles list refers to the role id.
func (b *builder) namesRole(roles *cfgtree.Node, id string) bool {
	for _, r := range roles.List() {
		if roleLogicalID(r) == id {
			return true
		}
	}
	return false
}

// statements adds the IAM statements of a list (or a single statement).
func (b *builder) statements(list *cfgtree.Node, origin string) {
	for _, it := range list.List() {
		if it.Kind != cfgtree.Map || isIntrinsic(it) {
			if b.s.r.isUnresolved(it) || isIntrinsic(it) {
				b.unresolved("iam")
			}
			continue
		}
		st := b.statement(it, origin)
		if !st.Resolved {
			b.unresolved("iam")
		}
		b.f.Statements = append(b.f.Statements, st)
	}
}

func (b *builder) statement(n *cfgtree.Node, origin string) model.Statement {
	effect, c := b.s.rd.render(n.GetFold("Effect"))
	st := model.Statement{Effect: effect, Origin: origin, Source: b.s.r.loc(n), Resolved: c == literalValue,
		Condition: isSet(n.GetFold("Condition"))}
	for _, f := range []struct {
		key string
		dst *[]string
	}{
		{"Action", &st.Action}, {"NotAction", &st.NotAction},
		{"Resource", &st.Resource}, {"NotResource", &st.NotResource},
	} {
		vals, known := b.values(n.GetFold(f.key))
		*f.dst = vals
		st.Resolved = st.Resolved && known
	}
	return st
}

// values renders a string or a list of strings and intrinsics; known is
// false when one of them could be anything (see certainty).
func (b *builder) values(n *cfgtree.Node) ([]string, bool) {
	if !isSet(n) {
		return nil, true
	}
	items := n.List()
	if isIntrinsic(n) {
		items = []*cfgtree.Node{n}
	}
	out := make([]string, 0, len(items))
	known := true
	for _, it := range items {
		v, c := b.s.rd.render(it)
		out = append(out, v)
		known = known && c.known()
	}
	return out, known
}

// policies adds managed policy ARNs.
func (b *builder) policies(list *cfgtree.Node, origin string) {
	if !isSet(list) {
		return
	}
	items := list.List()
	if isIntrinsic(list) {
		items = []*cfgtree.Node{list}
	}
	for _, it := range items {
		arn, c := b.s.rd.render(it)
		if !c.known() {
			b.unresolved("iam")
		}
		b.f.ManagedPolicies = append(b.f.ManagedPolicies, model.Policy{ARN: arn, Origin: origin, Source: b.s.r.loc(it)})
	}
}

// plugins lists the service's plugins (plugins: [..] or plugins.modules).
func (s *service) plugins() []string {
	plugins := s.doc.Get("plugins")
	if plugins != nil && plugins.Kind == cfgtree.Map {
		plugins = plugins.Get("modules")
	}
	return plugins.Strings()
}

// rolesPlugin reports whether a per-function IAM roles plugin is listed, and
// its defaultInherit setting.
func (s *service) rolesPlugin() (listed, inherit bool) {
	for _, p := range s.plugins() {
		if isRolesPlugin(p) {
			listed = true
		}
	}
	if custom := s.doc.Get("custom"); custom != nil && custom.Kind == cfgtree.Map {
		for _, e := range custom.Entries {
			if isRolesPlugin(e.Key) {
				inherit = boolValue(e.Value.Get("defaultInherit"))
			}
		}
	}
	return listed, inherit
}

func isRolesPlugin(name string) bool {
	return strings.Contains(name, "iam-roles-per-function") || strings.Contains(name, "serverless-granular-iam")
}

// mergedResources gathers the CloudFormation Resources of resources:, which
// may be a map or (v1) a list of maps from ${file(...)} includes.
func mergedResources(n *cfgtree.Node) *cfgtree.Node {
	return mergedSection(n, "Resources")
}

// parameterNames lists the template Parameters under resources:.
func parameterNames(n *cfgtree.Node) map[string]bool {
	out := map[string]bool{}
	for _, k := range mergedSection(n, "Parameters").Keys() {
		out[k] = true
	}
	return out
}

func mergedSection(n *cfgtree.Node, section string) *cfgtree.Node {
	out := &cfgtree.Node{Kind: cfgtree.Map}
	for _, part := range n.List() {
		if sec := part.Get(section); sec != nil && sec.Kind == cfgtree.Map {
			out.Entries = append(out.Entries, sec.Entries...)
		}
	}
	return out
}
