package iam

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// RenderSAM writes the policies as AWS SAM Policies per function. A
// statement becomes a SAM policy template when one fits: the template
// grants every action the code needs on the one resource, and whatever
// else it grants only reads (DynamoDBReadPolicy for a function that only
// gets items of one table). Otherwise it stays an inline statement.
func RenderSAM(w io.Writer, policies []Policy) error {
	e := &errWriter{w: w}
	e.printf("# Least-privilege Policies per function, derived by clad from the AWS SDK calls\n")
	e.printf("# in each function's code. Replace each function's Policies with these.\n")
	for i, group := range byManifest(policies) {
		if i > 0 {
			e.printf("---\n")
		}
		if group[0].Manifest != "" {
			e.printf("# %s\n", yamlComment(group[0].Manifest))
		}
		e.printf("Resources:\n")
		for _, p := range group {
			samFunction(e, p)
		}
	}
	if e.err != nil {
		return fmt.Errorf("write SAM policies: %w", e.err)
	}
	return nil
}

func samFunction(e *errWriter, p Policy) {
	e.printf("  %s:\n", yamlString(p.Name))
	gapComments(e, "    ", p)
	e.printf("    Properties:\n")
	if len(p.Statements) == 0 {
		e.printf("      Policies: []  # no AWS SDK calls found\n")
		return
	}
	e.printf("      Policies:\n")
	var inline []PolicyStatement
	seen := map[samTemplate]bool{}
	for _, st := range p.Statements {
		if t, ok := samTemplateFor(st); ok {
			if !seen[t] {
				seen[t] = true
				e.printf("        - %s:%s\n", t.name, evidenceComment(templateEvidence(p, t)))
				e.printf("            %s: %s\n", t.param, samValue(t.value))
			}
			continue
		}
		inline = append(inline, st)
	}
	if len(inline) == 0 {
		return
	}
	e.printf("        - Statement:\n")
	for _, st := range inline {
		e.printf("            - Effect: Allow\n")
		e.printf("              Action:\n")
		for _, a := range st.Actions {
			e.printf("                - %s%s\n", yamlString(a), evidenceComment(st.Evidence[a]))
		}
		if st.Comment != "" {
			e.printf("              # %s\n", yamlComment(st.Comment))
		}
		if len(st.Resources) == 1 {
			e.printf("              Resource: %s\n", samResource(st.Resources[0]))
			continue
		}
		e.printf("              Resource:\n")
		for _, r := range st.Resources {
			e.printf("                - %s\n", samResource(r))
		}
	}
}

// templateEvidence gathers the calls of every statement written as t.
func templateEvidence(p Policy, t samTemplate) []string {
	var out []string
	for _, st := range p.Statements {
		if u, ok := samTemplateFor(st); !ok || u != t {
			continue
		}
		for _, a := range st.Actions {
			for _, ev := range st.Evidence[a] {
				out = appendUnique(out, ev)
			}
		}
	}
	return out
}

// samResource writes a resource pattern with the short intrinsic tags.
func samResource(r string) string {
	form, a, b := resourceForm(r)
	switch form {
	case formGetAtt:
		return "!GetAtt " + a + "." + b
	case formRef:
		return "!Ref " + a
	case formSub:
		return "!Sub " + yamlString(a)
	}
	return yamlString(a)
}

// samValue writes a template parameter: a literal, !Ref or !GetAtt.
func samValue(v string) string {
	switch {
	case strings.HasPrefix(v, "!Ref ") || strings.HasPrefix(v, "!GetAtt "):
		return v
	}
	return yamlString(v)
}

// samTemplate is a policy template a statement fits.
type samTemplate struct {
	name, param, value string
}

// samTemplateDef describes a template: the actions it grants (those with
// a level above read must all be needed for it to fit), the service, and
// how its parameter is read from the resource.
type samTemplateDef struct {
	name    string
	param   string
	actions []string
	// value extracts the parameter from a resource pattern ("" when it
	// does not fit).
	value func(r string) string
	// extraResources are resource patterns the template also grants that
	// a statement may list besides the main one (a table's indexes).
	extraOK func(main, r string) bool
}

var samTemplates = []samTemplateDef{
	{name: "DynamoDBReadPolicy", param: "TableName", value: tableParam, extraOK: isIndexOf,
		actions: []string{"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"}},
	{name: "DynamoDBWritePolicy", param: "TableName", value: tableParam, extraOK: isIndexOf,
		actions: []string{"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"}},
	{name: "DynamoDBCrudPolicy", param: "TableName", value: tableParam, extraOK: isIndexOf,
		actions: []string{"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
			"dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"}},
	{name: "S3ReadPolicy", param: "BucketName", value: bucketParam, extraOK: sameBucket,
		actions: []string{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"}},
	{name: "SQSSendMessagePolicy", param: "QueueName", value: queueParam,
		actions: []string{"sqs:SendMessage"}},
	{name: "SNSPublishMessagePolicy", param: "TopicName", value: topicParam,
		actions: []string{"sns:Publish"}},
	{name: "LambdaInvokePolicy", param: "FunctionName", value: functionParam,
		actions: []string{"lambda:InvokeFunction"}},
	{name: "AWSSecretsManagerGetSecretValuePolicy", param: "SecretArn", value: secretParam,
		actions: []string{"secretsmanager:GetSecretValue"}},
	{name: "SSMParameterReadPolicy", param: "ParameterName", value: parameterParam,
		actions: []string{"ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"}},
	{name: "StepFunctionsExecutionPolicy", param: "StateMachineName", value: stateMachineParam,
		actions: []string{"states:StartExecution"}},
	{name: "EventBridgePutEventsPolicy", param: "EventBusName", value: busParam,
		actions: []string{"events:PutEvents"}},
	{name: "KMSDecryptPolicy", param: "KeyId", value: keyParam, actions: []string{"kms:Decrypt"}},
	{name: "KMSEncryptPolicy", param: "KeyId", value: keyParam, actions: []string{"kms:Encrypt"}},
	{name: "FirehoseWritePolicy", param: "DeliveryStreamName", value: deliveryParam,
		actions: []string{"firehose:PutRecord", "firehose:PutRecordBatch"}},
}

// samTemplateFor returns the first template the statement fits.
func samTemplateFor(st PolicyStatement) (samTemplate, bool) {
	if len(st.Resources) == 0 || st.Resources[0] == anyResource {
		return samTemplate{}, false
	}
	for _, t := range samTemplates {
		if !templateCovers(t, st.Actions) {
			continue
		}
		main := st.Resources[0]
		for _, r := range st.Resources {
			if t.value(r) != "" {
				main = r
				break
			}
		}
		v := t.value(main)
		if v == "" {
			continue
		}
		fits := true
		for _, r := range st.Resources {
			if r != main && (t.extraOK == nil || !t.extraOK(main, r)) {
				fits = false
			}
		}
		if fits {
			return samTemplate{name: t.name, param: t.param, value: v}, true
		}
	}
	return samTemplate{}, false
}

// templateCovers reports whether a template grants every needed action and
// nothing more powerful than reading beyond them.
func templateCovers(t samTemplateDef, needed []string) bool {
	need := map[string]bool{}
	for _, a := range needed {
		need[a] = true
	}
	granted := map[string]bool{}
	for _, a := range t.actions {
		granted[a] = true
		if need[a] {
			continue
		}
		prefix, name, _ := strings.Cut(a, ":")
		if actionLevel(prefix, name) > LevelRead {
			return false
		}
	}
	for a := range need {
		if !granted[a] {
			return false
		}
	}
	return true
}

var (
	tableARN   = regexp.MustCompile(`^arn:aws:dynamodb:REGION:ACCOUNT:table/([^/*?$]+)$`)
	bucketARN  = regexp.MustCompile(`^arn:aws:s3:::([^/*?$]+)(/\*)?$`)
	bucketRef  = regexp.MustCompile(`^arn:aws:s3:::\$\{([A-Za-z0-9]+)\}(/\*)?$`)
	lastColon  = regexp.MustCompile(`^arn:aws:[a-z0-9-]+:REGION:ACCOUNT:([^:/*?$]+)$`)
	namedARN   = regexp.MustCompile(`^arn:aws:[a-z0-9-]+:REGION:ACCOUNT:[a-zA-Z-]+[:/]([^:/*?$]+)$`)
	secretARN  = regexp.MustCompile(`^arn:aws:secretsmanager:`)
	paramARN   = regexp.MustCompile(`^arn:aws:ssm:REGION:ACCOUNT:parameter/([^*?$]+)$`)
	refOrAttr  = regexp.MustCompile(`^\$\{([A-Za-z0-9]+)(\.Arn)?\}$`)
	getAttAny  = regexp.MustCompile(`^\$\{([A-Za-z0-9]+)\.Arn\}$`)
	defaultBus = regexp.MustCompile(`^arn:aws:events:REGION:ACCOUNT:event-bus/([^/*?$]+)$`)
	flatter    = strings.NewReplacer("${AWS::Region}", "REGION", "${AWS::AccountId}", "ACCOUNT")
)

// flatARN replaces the region and account placeholders with tokens free of
// colons, so ARNs split on ":".
func flatARN(r string) string { return flatter.Replace(r) }

func tableParam(r string) string {
	f := flatARN(r)
	if m := tableARN.FindStringSubmatch(f); m != nil {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}

// isIndexOf accepts a table's index ARN next to the table.
func isIndexOf(main, r string) bool { return strings.HasPrefix(r, main+"/index/") }

func bucketParam(r string) string {
	if m := bucketARN.FindStringSubmatch(r); m != nil {
		return m[1]
	}
	if m := bucketRef.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	if m := wholeGetAtt.FindStringSubmatch(strings.TrimSuffix(r, "/*")); m != nil && m[2] == "Arn" {
		return "!Ref " + m[1]
	}
	return ""
}

// sameBucket accepts the bucket and its objects together.
func sameBucket(main, r string) bool { return bucketParam(main) == bucketParam(r) }

func queueParam(r string) string {
	f := flatARN(r)
	if m := lastColon.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:sqs:") {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!GetAtt " + m[1] + ".QueueName"
	}
	return ""
}

func topicParam(r string) string {
	f := flatARN(r)
	if m := lastColon.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:sns:") {
		return m[1]
	}
	if m := refOrAttr.FindStringSubmatch(r); m != nil {
		return "!GetAtt " + m[1] + ".TopicName"
	}
	return ""
}

func functionParam(r string) string {
	f := flatARN(r)
	if m := namedARN.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:lambda:") {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}

func secretParam(r string) string {
	if secretARN.MatchString(r) && !strings.ContainsAny(r, "*?") && !strings.Contains(r, "${") {
		return r
	}
	if m := wholeRef.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}

func parameterParam(r string) string {
	f := flatARN(r)
	if m := paramARN.FindStringSubmatch(f); m != nil && !strings.Contains(m[1], "${") {
		return m[1]
	}
	return ""
}

func stateMachineParam(r string) string {
	f := flatARN(r)
	if m := namedARN.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:states:") {
		return m[1]
	}
	if m := refOrAttr.FindStringSubmatch(r); m != nil {
		return "!GetAtt " + m[1] + ".Name"
	}
	return ""
}

func busParam(r string) string {
	f := flatARN(r)
	if m := defaultBus.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:events:") {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}

func keyParam(r string) string {
	f := flatARN(r)
	if m := namedARN.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:kms:") && strings.Contains(r, ":key/") {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}

func deliveryParam(r string) string {
	f := flatARN(r)
	if m := namedARN.FindStringSubmatch(f); m != nil && strings.HasPrefix(r, "arn:aws:firehose:") {
		return m[1]
	}
	if m := getAttAny.FindStringSubmatch(r); m != nil {
		return "!Ref " + m[1]
	}
	return ""
}
