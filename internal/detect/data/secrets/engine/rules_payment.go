package engine

import "github.com/cladsec/clad/internal/finding"

func paymentRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleStripeKey, Severity: finding.SeverityCritical, Title: "Stripe secret or restricted key",
			Why: "A live Stripe secret key moves money: refunds, payouts, charges, and reads every customer record.",
			Doc: `A Stripe secret key (sk_live_) or restricted key (rk_live_) is in a file. Live
keys act on real payments and customer data. Test-mode keys (sk_test_) cannot move
money but still expose the test account's data and settings; they are reported
with low confidence. Publishable keys (pk_) are public by design and ignored.`,
			Fix:  "Roll the key in the Stripe dashboard (Developers → API keys → Roll key) and keep the new one in AWS Secrets Manager or Azure Key Vault, fetched at run time; prefer restricted keys with only the permissions the function needs." + rotateNow,
			Bad:  "PAYMENT_API_KEY: sk_live_51Hq…",
			Good: "PAYMENT_API_KEY: ${ssm:/orders/${sls:stage}/stripe-key}",
		},
		Provider: true,
		Catch: []Sample{
			smp("serverless.yml", "    PAYMENT_API_KEY: sk_·live_Rz3eKFIfNhqrWO9BzG9db057ANuHlwF5SEvPMZUIKK6Q4O5W3zCVFBZSntMY467o6hHdeHHwJwRJvreuENsrgDUIvMAZCQLzPda\n"),
			smp("src/pay.js", "const stripe = require('stripe')('rk_·live_Wq33w5bqyhPzDalfDsnqdVtx');\n"),
			smp("src/pay.py", "stripe.api_key = \"sk_·test_8qRuzg1ODn5N5LBS9QN3JFCV\"\n"),
		},
		Ignore: []Sample{
			smp("src/checkout.js", "const stripe = Stripe('pk_live_Rz3eKFIfNhqrWO9BzG9db057');\n"),
			smp("src/pay.js", "const stripe = require('stripe')('sk_live_123');\n"),
			smp("docs/stripe.md", "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleStripeWebhook, Severity: finding.SeverityHigh, Title: "Stripe webhook signing secret",
			Why: "With the signing secret anyone can forge Stripe events (payment succeeded) that the webhook trusts.",
			Doc: `A Stripe webhook endpoint signing secret (whsec_) is in a file. The webhook
handler uses it to verify that events come from Stripe; whoever has it can send
forged "checkout.session.completed" events and get orders fulfilled for free.`,
			Fix:  "Roll the endpoint's signing secret in the Stripe dashboard (Developers → Webhooks → endpoint → Roll secret) and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "STRIPE_WEBHOOK_SECRET=whsec_Jwnh…",
			Good: "STRIPE_WEBHOOK_SECRET: ${ssm:/shop/stripe-webhook-secret}",
		},
		Provider: true,
		Catch: []Sample{
			smp(".env", "STRIPE_WEBHOOK=wh·sec_Jwnh8S0z054LYyVc1pFRS8A2GY4bIjBk\n"),
			smp("src/webhook.ts", "const event = stripe.webhooks.constructEvent(body, sig, 'wh·sec_adI9itK27Vtkpk8mC3mMcSBnTTwXtKWc');\n"),
		},
		Ignore: []Sample{
			smp(".env", "STRIPE_WEBHOOK=whsec_abc\n"),
			smp("README.md", "STRIPE_WEBHOOK=whsec_...\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleSquareToken, Severity: finding.SeverityCritical, Title: "Square access token or OAuth secret",
			Why: "A Square access token takes payments, issues refunds and reads the seller's customers.",
			Doc: `A Square access token (EAAA…, or the older sq0atp-) or application OAuth secret
(sq0csp-) is in a file.`,
			Fix:  "Revoke the token or replace the application secret in the Square Developer Dashboard, and keep the new one in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "SQUARE_ACCESS_TOKEN=EAAAsOZg…",
			Good: "SQUARE_ACCESS_TOKEN: ${ssm:/pos/square-token}",
		},
		Provider: true,
		Catch: []Sample{
			smp(".env", "SQUARE_ACCESS_TOKEN=EA·AAsOZgjON-ytr2FhhKtnELt5HlrMVh9GKeQtw3lgHUR-WUTPOsKhoiMJiDBMfc\n"),
			smp("src/pos.js", "const client = new Client({ accessToken: 'sq0·atp-jqzertEmtWSgz3FSDw0wO0' });\n"),
			smp("config.yml", "oauth_secret: sq0·csp-cQlrQBxftYSUENkHOZr2HSwcx-_oQwZirf_F4eN1NI6\n"),
		},
		Ignore: []Sample{
			smp(".env", "SQUARE_ACCESS_TOKEN=sq0atp-short\n"),
			smp("README.md", "SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleBraintreeToken, Severity: finding.SeverityCritical, Title: "PayPal Braintree access token",
			Why: "A production Braintree access token processes and refunds payments on the merchant account.",
			Doc: `A PayPal/Braintree access token (access_token$production$…$…) is in a file.
Sandbox tokens are reported with low confidence.`,
			Fix:  "Revoke the token in the Braintree control panel (or the PayPal developer dashboard), and keep the new credentials in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "BRAINTREE_TOKEN=access_token$production$mkfj…",
			Good: "BRAINTREE_TOKEN: ${ssm:/shop/braintree-token}",
		},
		Provider: true,
		Catch: []Sample{
			smp(".env", "BRAINTREE_TOKEN=access_·token$production$mkfjmhwtu4n1wmn5$211fed21c5e19e1afc0f106d090678f8\n"),
			smp("src/pay.js", "const gateway = new braintree.BraintreeGateway({ accessToken: 'access_·token$sandbox$mkfjmhwtu4n1wmn5$211fed21c5e19e1afc0f106d090678f8' });\n"),
		},
		Ignore: []Sample{
			smp(".env", "BRAINTREE_TOKEN=access_token$production$${TOKEN}\n"),
			smp(".env", "BRAINTREE_TOKEN=access_token$staging$mkfjmhwtu4n1wmn5$211fed21c5e19e1afc0f106d090678f8\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleShopifyToken, Severity: finding.SeverityHigh, Title: "Shopify access token or shared secret",
			Why: "A Shopify Admin API token reads and changes the store: orders, customers, products.",
			Doc: `A Shopify token (shpat_ Admin API access token, shpca_ custom app, shppa_
private app, shpss_ shared secret) is in a file.`,
			Fix:  "Uninstall and reinstall the custom app (or rotate the private app credentials) in the Shopify admin, and keep the new token in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "SHOPIFY_TOKEN=shpat_01b5…",
			Good: "SHOPIFY_TOKEN: ${ssm:/shop/shopify-token}",
		},
		Catch: []Sample{
			smp(".env", "SHOPIFY_TOKEN=shp·at_01b53eba5c59acde641553b7511475d0\n"),
			smp("src/shop.js", "const secret = 'shp·ss_b7b5320c0069f8dc525e4c82d972a25c';\n"),
		},
		Ignore: []Sample{
			smp(".env", "SHOPIFY_TOKEN=shpat_0000\n"),
			smp("README.md", "SHOPIFY_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}}
}
