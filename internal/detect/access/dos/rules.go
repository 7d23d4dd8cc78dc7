package dos

import "github.com/cladsec/clad/internal/finding"

// Rules reported by this detector.
var (
	// ConcurrencyRule: public functions without a concurrency limit.
	ConcurrencyRule = finding.Rule{
		ID:       "access/no-concurrency-limit",
		Category: finding.Access,
		Severity: finding.SeverityLow,
		Title:    "Public function without a concurrency limit",
		CWE:      []string{"CWE-770", "CWE-400"},
		Why:      "A flood of anonymous requests scales the function without bound: a bill nobody planned (denial of wallet) and the account's concurrency taken from every other function.",
		Doc: `Lambda scales a function to as many concurrent copies as requests arrive,
up to the account's regional limit, and bills every one. A function anyone
can invoke and that has no reserved concurrency (Serverless
reservedConcurrency, SAM/CloudFormation ReservedConcurrentExecutions) turns
a request flood into cost and starves the account's other functions, which
share the same concurrency pool. clad reports such functions low, medium
when one invocation is expensive (timeout over 29 seconds or 2 GB of memory
or more). An explicit API Gateway rate limit below the account default
(10,000 requests per second) on every anonymous route also bounds the
function, and clad then does not report it: SAM MethodSettings or
DefaultRouteSettings/RouteSettings, AWS::ApiGateway::Stage and
AWS::ApiGatewayV2::Stage settings, or the serverless-api-gateway-throttling
plugin. Usage plans throttle API-key clients only, not anonymous callers.
On Azure the limit is the
app's scale-out setting (functionAppScaleLimit, maximum instance count),
which lives on the Azure resource rather than in host.json: clad notes it
once per app, at info, for apps with anonymous functions.`,
		Fix:  "Set reservedConcurrency (Serverless) or ReservedConcurrentExecutions (SAM/CloudFormation) to what the function needs, or give its routes an API Gateway rate limit (SAM MethodSettings/DefaultRouteSettings ThrottlingRateLimit, serverless-api-gateway-throttling); on Azure set the app's scale-out limit.",
		Bad:  "functions:\n  createOrder:\n    handler: src/orders.create\n    events:\n      - http: {path: orders, method: post}",
		Good: "functions:\n  createOrder:\n    handler: src/orders.create\n    reservedConcurrency: 20\n    events:\n      - http: {path: orders, method: post}",
	}
	// TimeoutRule: HTTP functions whose timeout outlives API Gateway.
	TimeoutRule = finding.Rule{
		ID:       "access/http-timeout-too-long",
		Category: finding.Access,
		Severity: finding.SeverityLow,
		Title:    "HTTP function timeout longer than API Gateway waits",
		CWE:      []string{"CWE-400"},
		Why:      "API Gateway answers 504 after about 30 seconds while the function keeps running and billing; slow requests become a cheap way to burn money.",
		Doc: `API Gateway stops waiting for a Lambda integration after 29 seconds (REST and
WebSocket APIs; HTTP APIs after 30). A function behind it with a longer
timeout keeps running after the caller got a 504, billed for every second
and holding a unit of concurrency, and a client that retries makes it worse.
A very large memory size on an anonymous HTTP function (4 GB or more)
multiplies the cost of each request the same way. Some accounts raise the
REST integration timeout through a quota increase; if yours did, the
function's timeout should still match it.`,
		Fix:  "Keep the timeout of API Gateway functions at or below 29 seconds (move long work to a queue or a Step Functions execution and answer 202), and size memory to what the handler needs.",
		Bad:  "functions:\n  report:\n    timeout: 120\n    events:\n      - http: {path: report, method: get}",
		Good: "functions:\n  report:\n    timeout: 20\n    events:\n      - http: {path: report, method: get}",
	}
	// FanoutRule: event sources that scale a function without bound.
	FanoutRule = finding.Rule{
		ID:       "access/unbounded-fanout",
		Category: finding.Access,
		Severity: finding.SeverityInfo,
		Title:    "Event source can scale the function without limit",
		CWE:      []string{"CWE-770"},
		Why:      "An S3 upload flood, a burst of SNS messages or a deep SQS queue invokes the function as often as events arrive, with no ceiling on concurrency or cost.",
		Doc: `S3 notifications and SNS invoke a function once per event, asynchronously;
SQS scales pollers up to hundreds of concurrent invocations. Without reserved
concurrency (or, for SQS, maximumConcurrency on the event source) nothing
bounds how many copies run: whoever can upload objects or publish messages
controls the bill and the load on the databases the function writes to.
Kinesis and DynamoDB streams are bounded by their shards and are not
reported. clad reports this once per service, at info.`,
		Fix:  "Set reservedConcurrency on the function, or maximumConcurrency (ScalingConfig.MaximumConcurrency) on the SQS event source.",
		Bad:  "processUpload:\n  events:\n    - s3: {bucket: uploads, event: s3:ObjectCreated:*}",
		Good: "processUpload:\n  reservedConcurrency: 10\n  events:\n    - s3: {bucket: uploads, event: s3:ObjectCreated:*}",
	}
)
