package iam

import (
	"sort"
	"strings"
)

// awsLibraries are packages that call AWS themselves (object mappers,
// middleware fetching parameters and secrets, stream helpers): what they
// call is not in the function's own code, so the analysis of the services
// listed is incomplete when a file loads one. "" stands for any service.
var awsLibraries = map[string][]string{
	// npm
	"dynamoose": {"dynamodb"}, "dynamodb-toolbox": {"dynamodb"}, "electrodb": {"dynamodb"},
	"@aws/dynamodb-data-mapper": {"dynamodb"}, "dynamodb-onetable": {"dynamodb"}, "@typedorm/core": {"dynamodb"},
	"dynogels": {"dynamodb"}, "vogels": {"dynamodb"}, "@shiftcoders/dynamo-easy": {"dynamodb"},
	"dynamodb-lock-client": {"dynamodb"}, "serverless-dynamodb-client": {"dynamodb"},
	"@middy/ssm": {"ssm", "kms"}, "@middy/secrets-manager": {"secretsmanager", "kms"},
	"@middy/s3-object-response": {"s3"}, "@middy/rds-signer": {"rds-db"}, "@middy/sts": {"sts"},
	"@middy/dynamodb": {"dynamodb"}, "@middy/appconfig": {"appconfig"}, "@middy/s3": {"s3"},
	"@middy/service-discovery": {"servicediscovery"}, "@middy/cloudwatch-metrics": {"cloudwatch"},
	"@aws-lambda-powertools/parameters":  {"ssm", "secretsmanager", "appconfig", "dynamodb", "kms"},
	"@aws-lambda-powertools/idempotency": {"dynamodb"},
	"sqs-consumer":                       {"sqs"}, "sqs-producer": {"sqs"}, "s3-sync-client": {"s3"}, "multer-s3": {"s3"},
	"s3-streamlogger": {"s3"}, "aws-param-store": {"ssm"}, "ssm-parameter-store": {"ssm"},
	"@aws-crypto/client-node": {"kms"}, "aws-amplify": {""},
	// Python (top-level module, or dotted submodule)
	"pynamodb": {"dynamodb"}, "dynamo3": {"dynamodb"}, "flywheel": {"dynamodb"},
	"aws_lambda_powertools.utilities.parameters":    {"ssm", "secretsmanager", "appconfig", "dynamodb", "kms"},
	"aws_lambda_powertools.utilities.idempotency":   {"dynamodb"},
	"aws_lambda_powertools.utilities.feature_flags": {"appconfig"},
	"awswrangler": {""}, "s3fs": {"s3"}, "smart_open": {"s3"}, "botocore": {""}, "aiobotocore": {""},
	"aws_xray_sdk": nil, "boto": {""},
	// Go
	"github.com/guregu/dynamo": {"dynamodb"},
}

// libraryGaps reports the AWS-calling libraries a file loads.
func libraryGaps(f *codeFile, specs []specAt, pkgOf func(string) string) []rawGap {
	var out []rawGap
	seen := map[string]bool{}
	for _, s := range specs {
		lib, prefixes := matchLibrary(s.spec, pkgOf)
		if lib == "" || seen[lib] {
			continue
		}
		seen[lib] = true
		for _, p := range prefixes {
			out = append(out, rawGap{file: f.path, line: s.line, prefix: p, def: -1,
				reason: "uses " + lib + ", which calls AWS itself"})
		}
	}
	return out
}

// matchLibrary finds the library a module specifier loads.
func matchLibrary(spec string, pkgOf func(string) string) (string, []string) {
	cands := []string{spec, pkgOf(spec)}
	for i := strings.LastIndex(spec, "."); i > 0; i = strings.LastIndex(spec[:i], ".") {
		cands = append(cands, spec[:i])
	}
	for _, c := range cands {
		if p, ok := awsLibraries[c]; ok && c != "" {
			return c, p
		}
	}
	return "", nil
}

// npmPackageOf returns the package a bare specifier loads ("a/b" → "a",
// "@s/p/x" → "@s/p").
func npmPackageOf(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// pyTopModule returns the first element of a dotted module.
func pyTopModule(spec string) string {
	top, _, _ := strings.Cut(spec, ".")
	return top
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
