package taint

// Rule identifiers the engine reports. The detector in
// internal/detect/code documents each one.
const (
	RuleCommand         = "code/os-command-injection"
	RuleCode            = "code/code-injection"
	RuleTemplate        = "code/template-injection"
	RuleSQL             = "code/sql-injection"
	RuleNoSQL           = "code/nosql-injection"
	RuleXSS             = "code/xss"
	RulePath            = "code/path-traversal"
	RuleSSRF            = "code/ssrf"
	RuleDeserialization = "code/insecure-deserialization"
	RuleXXE             = "code/xxe"
	RuleReDoS           = "code/redos"
	RuleRedirect        = "code/open-redirect"
	RulePrototype       = "code/prototype-pollution"
	RuleMassAssignment  = "code/mass-assignment"
	RuleJWTNotVerified  = "code/jwt-not-verified"
	RuleJWTNone         = "code/jwt-none-algorithm"
	RuleSecretCompare   = "code/insecure-secret-comparison"
	RuleAuthFallthrough = "code/auth-check-falls-through"
)

// Rules lists every rule the engine can report.
var Rules = []string{
	RuleCommand, RuleCode, RuleTemplate, RuleSQL, RuleNoSQL, RuleXSS, RulePath, RuleSSRF,
	RuleDeserialization, RuleXXE, RuleReDoS, RuleRedirect, RulePrototype, RuleMassAssignment,
	RuleJWTNotVerified, RuleJWTNone, RuleSecretCompare, RuleAuthFallthrough,
}

// classOf maps a taint rule to the sink class its sanitisers speak of.
var classOf = map[string]class{
	RuleCommand: cCmd, RuleCode: cCode, RuleTemplate: cTemplate, RuleSQL: cSQL, RuleNoSQL: cNoSQL,
	RuleXSS: cHTML, RulePath: cPath, RuleSSRF: cURL, RuleDeserialization: cDeser, RuleXXE: cXML,
	RuleReDoS: cRegex, RuleRedirect: cRedirect, RulePrototype: cProto, RuleMassAssignment: cMass,
}
