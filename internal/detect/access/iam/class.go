package iam

import "strings"

// Class is the kind of power an action grants, from least to most.
type Class int

// Classes of power.
const (
	None        Class = iota
	Read              // Get, List, Describe, Query, Scan…
	Write             // Put, Update, Create, Send, Publish, Invoke…
	Delete            // Delete, Remove, Purge, Terminate…
	Permissions       // iam:*, sts:AssumeRole, PassRole, resource policies and ACLs
)

// String names the class.
func (c Class) String() string {
	switch c {
	case Read:
		return "read"
	case Write:
		return "write"
	case Delete:
		return "delete"
	case Permissions:
		return "permissions-management"
	}
	return "none"
}

// readVerbs start the names of actions that only read.
var readVerbs = []string{
	"Get", "List", "Describe", "Query", "Scan", "BatchGet", "Head", "Select", "Search", "Lookup",
	"Filter", "Receive", "Read", "View", "Check", "Validate", "Estimate", "Detect", "Analyze",
	"Recognize", "Translate", "Synthesize", "Download", "Verify", "Simulate", "Preview", "Test",
	"Decrypt", "Encrypt", "GenerateDataKey", "GenerateMac", "GenerateRandom", "Sign", "ReEncrypt",
	"Retrieve", "Compare", "Explain", "Evaluate", "Count", "BatchDetect",
}

// deleteVerbs start the names of actions that destroy data or resources.
var deleteVerbs = []string{
	"Delete", "BatchDelete", "Remove", "Purge", "Terminate", "Destroy", "Drop", "Truncate", "Empty",
}

// permissionWords mark actions that change who may do what: resource
// policies, ACLs, grants, public access settings.
var permissionWords = []string{"Policy", "Permission", "Acl", "Grant", "PublicAccessBlock", "OwnershipControls"}

// permissionVerbs are the verbs that, with a permission word, change access.
var permissionVerbs = []string{"Put", "Set", "Add", "Attach", "Detach", "Create", "Update", "Delete", "Remove", "Replace", "Revoke", "Retire", "Enable", "Disable"}

// Classify returns the class of one IAM action ("s3:GetObject"). An action
// containing wildcards is weighed with Cover instead; Classify treats the
// literal part only. Unknown verbs count as write.
func Classify(action string) Class {
	service, name, ok := strings.Cut(strings.TrimSpace(action), ":")
	if !ok {
		if action == "*" {
			return Permissions
		}
		return Write
	}
	service = strings.ToLower(service)
	switch service {
	case "iam", "organizations", "sso", "identitystore":
		if hasVerb(name, "Get", "List", "Generate", "Simulate") {
			return Read
		}
		return Permissions
	case "sts":
		if strings.HasPrefix(strings.ToLower(name), "assumerole") || strings.EqualFold(name, "TagSession") {
			return Permissions
		}
		return Read
	}
	return classifyName(name)
}

// classifyName weighs an action name by its verb.
func classifyName(name string) Class {
	if hasVerb(name, permissionVerbs...) && containsAny(name, permissionWords...) {
		return Permissions
	}
	switch {
	case hasVerb(name, deleteVerbs...):
		return Delete
	case hasVerb(name, readVerbs...):
		return Read
	}
	return Write
}

// hasVerb reports whether name starts with one of verbs as a whole word
// ("GetObject" has Get; "Getaway" does not), case-insensitively.
func hasVerb(name string, verbs ...string) bool {
	for _, v := range verbs {
		if len(name) < len(v) || !strings.EqualFold(name[:len(v)], v) {
			continue
		}
		if len(name) == len(v) || !isLower(name[len(v)]) {
			return true
		}
	}
	return false
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func containsAny(s string, subs ...string) bool {
	ls := strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(ls, strings.ToLower(sub)) {
			return true
		}
	}
	return false
}

// SecretRead reports read actions that hand out secrets or key material:
// on every resource they expose every secret of the account.
func SecretRead(action string) bool {
	switch strings.ToLower(strings.TrimSpace(action)) {
	case "secretsmanager:getsecretvalue", "secretsmanager:batchgetsecretvalue",
		"ssm:getparameter", "ssm:getparameters", "ssm:getparametersbypath", "ssm:getparameterhistory",
		"kms:decrypt", "kms:generatedatakey", "kms:generatedatakeywithoutplaintext":
		return true
	}
	return false
}

// DataRead reports read actions that return stored data (objects, items,
// messages, records) rather than metadata.
func DataRead(action string) bool {
	service, name, ok := strings.Cut(strings.ToLower(strings.TrimSpace(action)), ":")
	if !ok {
		return false
	}
	switch service {
	case "s3":
		return strings.HasPrefix(name, "getobject")
	case "dynamodb":
		switch name {
		case "getitem", "batchgetitem", "query", "scan", "partiqlselect", "getrecords":
			return true
		}
	case "sqs":
		return name == "receivemessage"
	case "kinesis":
		return name == "getrecords"
	case "logs":
		return name == "getlogevents" || name == "filterlogevents" || name == "startquery"
	}
	return false
}
