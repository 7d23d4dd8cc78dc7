package exposure

import "github.com/cladsec/clad/internal/finding"

// Rules reported by this detector. None is marked Exposure: each of them
// is the exposure.
var (
	// PublicHTTPRule: anonymous HTTP endpoints.
	PublicHTTPRule = finding.Rule{
		ID:       "access/public-http-no-auth",
		Category: finding.Access,
		Severity: finding.SeverityMedium,
		Title:    "HTTP endpoint without authentication",
		CWE:      []string{"CWE-306"},
		Why:      "Anyone on the internet can invoke the function; whatever it can do, an attacker can make it do.",
		Doc: `An API Gateway route (REST "http", HTTP API "httpApi", WebSocket $connect),
an ALB listener rule or an Azure HTTP trigger with authLevel anonymous that
has no authorizer, no IAM auth, no API key and is not private answers every
caller. That is right for a public page, and dangerous for a function that
writes data, holds credentials or runs administrative work. clad weighs the
finding by what the function may do: high when its name or route says it is
an admin operation (admin, backup, restore, internal, migrate…), medium when
its role grants write, delete or permission changes or its environment
holds literal credentials, info otherwise (noted so the exposure is a
conscious choice). Function URLs, Lambda resource policies and CORS have
their own rules.`,
		Fix:  "Add an authorizer (Cognito, JWT, a Lambda authorizer or AWS_IAM), set private: true with an API key for machine clients, or authLevel function/admin on Azure with App Service authentication in front.",
		Bad:  "events:\n  - http:\n      path: orders\n      method: post",
		Good: "events:\n  - http:\n      path: orders\n      method: post\n      authorizer:\n        arn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Ab12",
	}
	// FunctionURLRule: function URLs with AuthType NONE.
	FunctionURLRule = finding.Rule{
		ID:       "access/function-url-no-auth",
		Category: finding.Access,
		Severity: finding.SeverityLow,
		Title:    "Lambda function URL with AuthType NONE",
		CWE:      []string{"CWE-306"},
		Why:      "A function URL with AuthType NONE is an unauthenticated HTTPS endpoint with no throttling, WAF or usage plan in front of it.",
		Doc: `A Lambda function URL (Serverless "url: true", SAM FunctionUrlConfig,
AWS::Lambda::Url) with AuthType NONE lets anyone who learns the URL invoke
the function. Unlike API Gateway there is no request validation, no
throttling and no WAF: every call runs the function and is billed. This is
the intended setup for webhooks that check a signature in code; clad reports
it low, medium when the function can write or holds credentials, high when
it looks like an admin operation.`,
		Fix:  "Use AuthType AWS_IAM (callers sign with SigV4, or put CloudFront with origin access control in front), or move the endpoint behind API Gateway with an authorizer; verify webhook signatures in code.",
		Bad:  "FunctionUrlConfig:\n  AuthType: NONE",
		Good: "FunctionUrlConfig:\n  AuthType: AWS_IAM",
	}
	// PermissionRule: Lambda resource policies open to everyone.
	PermissionRule = finding.Rule{
		ID:       "access/lambda-permission-public",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "Lambda permission lets any principal invoke the function",
		CWE:      []string{"CWE-284", "CWE-732"},
		Why:      "Principal \"*\" without SourceArn, SourceAccount or PrincipalOrgID lets any AWS account invoke the function directly.",
		Doc: `An AWS::Lambda::Permission is a statement of the function's resource policy.
With Principal "*" and no SourceArn, SourceAccount or PrincipalOrgID
condition, any principal of any AWS account may call lambda:InvokeFunction on
it, bypassing whatever API sits in front. A service principal
(s3.amazonaws.com, sns.amazonaws.com…) without SourceArn or SourceAccount is
the confused-deputy case: a bucket or topic in another account can trigger
the function (reported low). The permission a public function URL needs
(lambda:InvokeFunctionUrl with FunctionUrlAuthType NONE) is left to
access/function-url-no-auth.`,
		Fix:  "Name the caller: a service principal with SourceArn (and SourceAccount for S3), an account id, or PrincipalOrgID.",
		Bad:  "Type: AWS::Lambda::Permission\nProperties:\n  Action: lambda:InvokeFunction\n  FunctionName: !Ref Fn\n  Principal: '*'",
		Good: "Type: AWS::Lambda::Permission\nProperties:\n  Action: lambda:InvokeFunction\n  FunctionName: !Ref Fn\n  Principal: sns.amazonaws.com\n  SourceArn: !Ref Topic",
	}
	// CORSRule: CORS that allows every origin with credentials.
	CORSRule = finding.Rule{
		ID:       "access/cors-wildcard-credentials",
		Category: finding.Access,
		Severity: finding.SeverityMedium,
		Title:    "CORS allows every origin together with credentials",
		CWE:      []string{"CWE-942"},
		Why:      "Allowing credentials for every origin asks browsers to send users' cookies and auth headers to the API from any web site.",
		Doc: `CORS with origin "*" and allowCredentials true says any web site may make
credentialed requests to the API and read the answers. Browsers refuse the
literal combination ("Access-Control-Allow-Origin: *" with credentials), so
the setting either breaks clients or, more often, is "fixed" by reflecting
the caller's Origin header, which hands every logged-in user's data to any
site they visit. clad reads Serverless http/httpApi/url cors settings, SAM
Api Cors, HttpApi CorsConfiguration and FunctionUrlConfig Cors, and Azure
local.settings.json Host.CORS with CORSCredentials (local development host
only: reported low, check the deployed app's CORS setting too).`,
		Fix:  "List the origins that may call the API (https://app.example.com) when credentials are allowed, or drop allowCredentials.",
		Bad:  "cors:\n  origin: '*'\n  allowCredentials: true",
		Good: "cors:\n  origin: https://app.example.com\n  allowCredentials: true",
	}
)
