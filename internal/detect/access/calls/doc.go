// Package calls finds, in a function's own code, the calls it makes to
// other functions of the same project: AWS SDK Lambda invocations (through
// internal/iam, which recognises the SDK clients) and HTTP requests to
// another function's endpoint (an Azure https://<app>.azurewebsites.net/api/
// route, an API Gateway URL, a URL built from configuration naming another
// function's route). For each call it says which functions it reaches and
// which credential it sends (an Azure function key, an API Gateway API key)
// and where that credential lives: a committed config file, an environment
// variable or app setting, a literal in code.
//
// The string values are evaluated the way a reader would: literals,
// template strings and concatenation, constants, process.env / os.environ,
// JSON config files loaded with require/import/json.load, and the exports
// of local modules. Pieces that depend on the request are unknown ("*").
package calls
