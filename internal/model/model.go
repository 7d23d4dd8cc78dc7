// Package model holds the function map of a scanned project: every function
// with its provider, runtime, handler, triggers, permissions, environment and
// limits, each value carrying the file and line it came from.
package model

// Location is a place in a scanned file. File is slash-separated and relative
// to the scan root; entries inside archives read "pkg.zip!/path/in/zip".
type Location struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	EndLine int    `json:"end_line,omitempty"`
}

// Provider names.
const (
	AWS   = "aws"
	Azure = "azure"
	GCP   = "gcp"
)

// Project is everything clad learned about the scanned tree.
type Project struct {
	// Root is the path the user asked to scan, as given.
	Root string `json:"root"`
	// Functions is the function map, sorted by ID.
	Functions []*Function `json:"functions"`
	// Manifests lists every deployment description that was recognised.
	Manifests []Manifest `json:"manifests"`
}

// Manifest is one recognised deployment description.
type Manifest struct {
	File string `json:"file"`
	// Kind is serverless, sam, cloudformation, serverless-package (a
	// template written by `serverless package`), azure or deployment-package.
	Kind    string `json:"kind"`
	Service string `json:"service,omitempty"`
	// Stage is the deployment stage the manifest was read for (Serverless:
	// --stage or the manifest's default; a serverless-package template: the
	// stage it was packaged for); empty when clad cannot tell.
	Stage     string `json:"stage,omitempty"`
	Functions int    `json:"functions"`
}

// Handler resolution states.
const (
	HandlerResolved   = "resolved"   // the source file was found
	HandlerMissing    = "missing"    // the manifest names code that is not there
	HandlerUnresolved = "unresolved" // the handler depends on a value clad cannot know
	HandlerExternal   = "external"   // code is not in the scanned tree by design (image, S3 artifact, inline, Java class)
)

// Function is one deployable function and everything that applies to it.
type Function struct {
	// ID is unique within a project: "<service>/<name>".
	ID      string `json:"id"`
	Name    string `json:"name"`
	Service string `json:"service,omitempty"`
	// DeployedName is the name the function gets in the cloud when the
	// manifest fixes it: Serverless `name:` or <service>-<stage>-<key>,
	// CloudFormation/SAM FunctionName. Empty when the platform generates it
	// or it depends on a value clad cannot know.
	DeployedName string `json:"deployed_name,omitempty"`
	Provider     string `json:"provider"`
	Runtime      string `json:"runtime,omitempty"`
	// Handler is the handler string as declared (e.g. "src/orders.process").
	Handler string `json:"handler,omitempty"`
	// File is the resolved handler source file; empty when not resolved.
	File        string `json:"file,omitempty"`
	HandlerLine int    `json:"handler_line,omitempty"`
	// Files are the source files the handler reaches through local imports,
	// handler file first: the code that ships with and runs in the function.
	Files         []string `json:"files,omitempty"`
	HandlerStatus string   `json:"handler_status"`
	// CodeDir is the directory the handler path is relative to (the
	// service directory, SAM CodeUri, Azure function folder, a zip root).
	CodeDir string `json:"code_dir,omitempty"`
	// Manifest is the deployment description the function belongs to; Source
	// may point into a file that manifest includes (${file(...)}).
	Manifest string `json:"manifest"`
	// Source is where the manifest declares the function.
	Source   Location  `json:"source"`
	Triggers []Trigger `json:"triggers"`
	// Auth summarises the weakest authentication among the function's
	// HTTP-like triggers: none, iam, cognito, jwt, custom, api-key,
	// function (Azure function key), admin (Azure master key), private;
	// empty when the function has no HTTP-like trigger.
	Auth string `json:"auth,omitempty"`
	// Public is true when some trigger lets anonymous callers invoke it.
	Public bool `json:"public"`
	// Role names the execution role: "provider" (the shared role the
	// framework generates), "function" (a per-function role), a CloudFormation
	// logical id, or an ARN.
	Role string `json:"role,omitempty"`
	// RoleSharedWith lists the IDs of other functions using the same role.
	RoleSharedWith []string `json:"role_shared_with,omitempty"`
	// Statements are the IAM statements that apply, from every origin.
	Statements      []Statement `json:"statements"`
	ManagedPolicies []Policy    `json:"managed_policies,omitempty"`
	Environment     []EnvVar    `json:"environment"`
	Timeout         *int        `json:"timeout,omitempty"`
	MemorySize      *int        `json:"memory_size,omitempty"`
	// ReservedConcurrency is nil when not set (unbounded).
	ReservedConcurrency *int     `json:"reserved_concurrency,omitempty"`
	Layers              []string `json:"layers,omitempty"`
	Package             *Package `json:"package,omitempty"`
	// Tracing and LogRetention are the monitoring settings ("" when unset).
	Tracing      string `json:"tracing,omitempty"`
	LogRetention *int   `json:"log_retention,omitempty"`
	// Disabled is true when the manifest deploys the function switched off
	// (Azure "disabled": true or the AzureWebJobs.<name>.Disabled setting).
	Disabled bool `json:"disabled,omitempty"`
	// Unresolved names the fields whose value depends on something clad
	// cannot know statically (an ${ssm:...} reference, a Parameter without
	// default, an !If condition).
	Unresolved []string `json:"unresolved,omitempty"`
}

// Trigger is one event source of a function.
type Trigger struct {
	// Type: http, httpApi, websocket, alb, url (Lambda function URL), s3, sqs,
	// sns, kinesis, dynamodb, schedule, eventBridge, cloudwatchLog, cognito,
	// iot, msk, mq, permission (a resource policy lets a principal invoke it);
	// Azure: httpTrigger, queueTrigger, blobTrigger, timerTrigger,
	// cosmosDBTrigger, serviceBusTrigger, eventHubTrigger, eventGridTrigger…
	Type string `json:"type"`
	// Details hold the type-specific facts: method, path, authorizer,
	// private, bucket, event, arn, queue, rate, authLevel, principal…
	Details map[string]string `json:"details,omitempty"`
	// Auth for HTTP-like triggers (see Function.Auth).
	Auth string `json:"auth,omitempty"`
	// Public marks a trigger anonymous callers can fire.
	Public bool     `json:"public,omitempty"`
	Source Location `json:"source"`
}

// Statement is one IAM policy statement that applies to a function.
type Statement struct {
	Effect      string   `json:"effect"`
	Action      []string `json:"action,omitempty"`
	NotAction   []string `json:"not_action,omitempty"`
	Resource    []string `json:"resource,omitempty"`
	NotResource []string `json:"not_resource,omitempty"`
	Condition   bool     `json:"condition,omitempty"`
	// Origin: "provider" (shared by every function of the service),
	// "function" (its own), "role:<LogicalId>", "sam-policy:<Template>",
	// "inline-policy:<name>".
	Origin string   `json:"origin"`
	Source Location `json:"source"`
	// Resolved is false when an action or resource is a reference clad
	// cannot evaluate; detectors skip what they cannot know.
	Resolved bool `json:"resolved"`
}

// Policy is a managed policy attached to a function's role.
type Policy struct {
	ARN    string   `json:"arn"`
	Origin string   `json:"origin"`
	Source Location `json:"source"`
}

// EnvVar is one environment variable (or Azure app setting) of a function.
type EnvVar struct {
	Name string `json:"name"`
	// Value is the literal value, or the reference text when unresolved.
	Value    string `json:"value"`
	Resolved bool   `json:"resolved"`
	// Origin: provider, function, globals, local.settings, cloudformation.
	Origin string   `json:"origin"`
	Source Location `json:"source"`
}

// Package describes how a function's code is packaged.
type Package struct {
	Individually bool `json:"individually,omitempty"`
	// Patterns are include/exclude globs in Serverless order ("!x" excludes).
	Patterns []string `json:"patterns,omitempty"`
	Artifact string   `json:"artifact,omitempty"`
	// Image is set for container-image functions.
	Image string `json:"image,omitempty"`
}
