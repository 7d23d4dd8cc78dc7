// Package iam proves least privilege from code: it finds the AWS SDK calls
// in the source a function reaches (JavaScript/TypeScript SDK v2 and v3,
// Python boto3, Go SDK v1/v2), maps them to the IAM actions and resources
// they need, compares that with the function's effective IAM statements,
// and writes the least-privilege policy per function for the Serverless
// Framework, AWS SAM or as JSON.
package iam
