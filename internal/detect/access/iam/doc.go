// Package iam weighs IAM policy statements for the access detectors: what
// class of power an action or an action pattern grants (read, write, delete,
// permissions management), how much of an account a resource ARN covers,
// and which statements several functions share. The tables hold facts
// (IAM action names and verb conventions), not rules: the detectors decide
// what to report.
package iam
