package rotation

import "github.com/cladsec/clad/internal/finding"

// RuleKMS: a customer managed symmetric key that never rotates.
var RuleKMS = finding.Rule{
	ID:       "data/kms-key-rotation-disabled",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "KMS key without automatic rotation",
	CWE:      []string{"CWE-320"},
	Why:      "A key that never rotates protects ever more data for ever longer, so one leak or one weak moment exposes all of it.",
	Doc: `An AWS::KMS::Key with a symmetric key spec (SYMMETRIC_DEFAULT, the default) is declared
without EnableKeyRotation: true, in a SAM or CloudFormation template or under a Serverless
service's resources:. KMS then keeps encrypting with the same key material for as long as the key
exists. Rotation is free, transparent to the functions (old ciphertexts still decrypt) and limits
how much data any one key version protects; compliance regimes (PCI DSS, CIS AWS Foundations)
require it. Asymmetric and HMAC keys cannot rotate automatically and are not reported; a value
clad cannot evaluate (a parameter, a condition) is skipped.`,
	Fix:  "Set EnableKeyRotation: true on the key (and RotationPeriodInDays if the default year is too long).",
	Bad:  "DataKey:\n  Type: AWS::KMS::Key\n  Properties:\n    KeyPolicy: {...}",
	Good: "DataKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true\n    KeyPolicy: {...}",
}

// RuleSecret: a Secrets Manager secret with no rotation schedule.
var RuleSecret = finding.Rule{
	ID:       "data/secret-without-rotation",
	Category: finding.Data,
	Severity: finding.SeverityMedium,
	Title:    "Secrets Manager secret without a rotation schedule",
	CWE:      []string{"CWE-324"},
	Why:      "A credential that never changes stays valid after it leaks, through logs, old builds or people who left.",
	Doc: `An AWS::SecretsManager::Secret is declared without an AWS::SecretsManager::RotationSchedule
pointing at it (SecretId: !Ref TheSecret) in the same template. The functions that read it keep
using the same database password or API key indefinitely, so a copy that escaped once (a debug log,
a developer laptop, a former contractor) keeps working. Secrets Manager rotates database
credentials with hosted rotation functions and anything else with a rotation Lambda; the book's
data chapter asks for keys that rotate.`,
	Fix:  "Add an AWS::SecretsManager::RotationSchedule for the secret (HostedRotationLambda for RDS/Redshift/DocumentDB, or a RotationLambdaARN) with a RotationRules schedule.",
	Bad:  "DbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    GenerateSecretString: {...}",
	Good: "DbSecret:\n  Type: AWS::SecretsManager::Secret\nDbSecretRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref DbSecret\n    RotationRules: { ScheduleExpression: rate(30 days) }",
}

// Rules lists the detector's rules.
func Rules() []finding.Rule { return []finding.Rule{RuleKMS, RuleSecret} }
