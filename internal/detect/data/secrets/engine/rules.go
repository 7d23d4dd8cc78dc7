package engine

import (
	"strings"
	"sync"

	"github.com/cladsec/clad/internal/finding"
)

// Rule IDs.
const (
	RuleAWSAccessKey      = "data/aws-access-key"
	RuleAWSSecretKey      = "data/aws-secret-key"
	RuleAWSSessionToken   = "data/aws-session-token"
	RuleGitHubToken       = "data/github-token"
	RuleGitHubAppToken    = "data/github-app-token"
	RuleGitHubFineGrained = "data/github-fine-grained-token"
	RuleGitLabToken       = "data/gitlab-token"
	RuleSlackToken        = "data/slack-token"
	RuleSlackWebhook      = "data/slack-webhook"
	RuleStripeKey         = "data/stripe-key"
	RuleStripeWebhook     = "data/stripe-webhook-secret"
	RuleGoogleAPIKey      = "data/google-api-key"
	RuleGCPServiceAccount = "data/gcp-service-account"
	RuleGoogleOAuth       = "data/google-oauth-client-secret"
	RuleFirebaseKey       = "data/firebase-fcm-key"
	RulePrivateKey        = "data/private-key"
	RuleJWT               = "data/jwt"
	RuleAzureStorageKey   = "data/azure-storage-key"
	RuleAzureSAS          = "data/azure-sas-token"
	RuleAzureSharedKey    = "data/azure-shared-access-key"
	RuleAzureFunctionKey  = "data/azure-function-key"
	RuleCosmosDBKey       = "data/cosmosdb-key"
	RuleAzureADSecret     = "data/azure-ad-client-secret"
	RuleSendGridKey       = "data/sendgrid-key"
	RuleTwilio            = "data/twilio-credentials"
	RuleMailgunKey        = "data/mailgun-key"
	RuleMailchimpKey      = "data/mailchimp-key"
	RuleNPMToken          = "data/npm-token"
	RuleNPMRCAuth         = "data/npmrc-auth"
	RulePyPIToken         = "data/pypi-token"
	RulePyPIRCPassword    = "data/pypirc-password"
	RuleNetrcPassword     = "data/netrc-password"
	RuleDockerAuth        = "data/docker-registry-auth"
	RuleHerokuKey         = "data/heroku-api-key"
	RuleDatadogKey        = "data/datadog-key"
	RuleNewRelicKey       = "data/newrelic-key"
	RuleShopifyToken      = "data/shopify-token"
	RuleSquareToken       = "data/square-token"
	RuleBraintreeToken    = "data/braintree-token"
	RuleTelegramToken     = "data/telegram-bot-token"
	RuleDiscordWebhook    = "data/discord-webhook"
	RuleOktaToken         = "data/okta-token"
	RuleAtlassianToken    = "data/atlassian-token"
	RuleOpenAIKey         = "data/openai-key"
	RuleAnthropicKey      = "data/anthropic-key"
	RuleVaultToken        = "data/vault-token"
	RuleDatabaseURL       = "data/database-url"
	RuleURLCredentials    = "data/url-credentials"
	RuleGeneric           = "data/hardcoded-secret"
	RuleDigitalOcean      = "data/digitalocean-token"
	RulePlanetScale       = "data/planetscale-token"
	RuleHuggingFace       = "data/huggingface-token"
	RuleAgeKey            = "data/age-secret-key"
	RuleTerraformToken    = "data/terraform-cloud-token"
	RuleMapboxToken       = "data/mapbox-secret-token"
	RulePulumiToken       = "data/pulumi-token"
	RuleSentryToken       = "data/sentry-token"
)

// Sample is a piece of a file a rule must catch or must ignore. Path gives
// the file context (a .netrc, a test fixture…).
type Sample struct {
	Path string
	Text string
}

// Rule is one kind of secret: the documented finding.Rule clad reports,
// plus the samples it must catch and must ignore, kept beside it and run
// by the tests.
type Rule struct {
	finding.Rule
	// Provider marks credentials of a cloud provider or a payment service:
	// in a deployed function's configuration they are critical.
	Provider bool
	Catch    []Sample
	Ignore   []Sample
}

// smp builds a sample. Tokens in this source are written with a "·"
// inside so that scanning clad's own code finds nothing; smp removes it.
func smp(path, text string) Sample {
	return Sample{Path: path, Text: strings.ReplaceAll(text, "·", "")}
}

var catalogue = sync.OnceValue(func() []Rule {
	var all []Rule
	for _, group := range [][]Rule{awsRules(), sourceHostRules(), chatRules(), paymentRules(), googleRules(),
		keyRules(), azureRules(), mailRules(), registryRules(), observabilityRules(), aiRules(), infraRules(),
		urlRules(), genericRules()} {
		for _, r := range group {
			r.Category = finding.Data
			if len(r.CWE) == 0 {
				r.CWE = []string{"CWE-798"}
			}
			all = append(all, r)
		}
	}
	return all
})

// Rules returns the catalogue, in a fixed order.
func Rules() []Rule { return append([]Rule(nil), catalogue()...) }

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range catalogue() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// priority orders overlapping candidates: the most specific rule wins.
func priority(rule string) int {
	switch rule {
	case RuleGeneric, RuleNetrcPassword, RulePyPIRCPassword, RuleNPMRCAuth:
		return 1
	case RuleURLCredentials, RuleDatabaseURL, RuleJWT, RuleDockerAuth:
		return 2
	case RuleGCPServiceAccount:
		return 4
	}
	return 3
}

// Standard advice on where secrets belong.
const (
	storeAWS   = "Keep the new value in AWS Secrets Manager or SSM Parameter Store (SecureString) and reference it (${ssm:/app/name}, {{resolve:secretsmanager:name}}) or, better, fetch it at run time with the SDK and cache it, so it never sits in the template or the function configuration."
	storeAzure = "Keep the new value in Azure Key Vault and reference it from app settings (@Microsoft.KeyVault(SecretUri=…)), or give the app a managed identity so no key is needed at all."
	storeAny   = "Keep the new value in a secrets store (AWS Secrets Manager or SSM Parameter Store SecureString, Azure Key Vault, GCP Secret Manager) and read it at run time; reference it from the manifest instead of writing it there."
	rotateNow  = " Removing the line is not enough: git history keeps the old value, so treat it as leaked."
)
