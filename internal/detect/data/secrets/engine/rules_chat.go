package engine

import "github.com/cladsec/clad/internal/finding"

func chatRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleSlackToken, Severity: finding.SeverityHigh, Title: "Slack token",
			Why: "A Slack bot or user token reads and posts in the workspace's channels and can export their history.",
			Doc: `A Slack API token (xoxb- bot, xoxp- user, xoxa-/xoxr- app and refresh,
xoxs- session, xapp- app-level) or a Slack signing secret is in a file. User tokens
act with the installing user's full access, private channels and DMs included.`,
			Fix:  "Revoke the token (api.slack.com → your app → OAuth & Permissions → Revoke, or rotate the signing secret), reinstall the app to get a new one, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault, read at run time." + rotateNow,
			Bad:  "SLACK_BOT_TOKEN: xoxb-7030…",
			Good: "SLACK_BOT_TOKEN: ${ssm:/chatops/slack-bot-token}",
		},
		Catch: []Sample{
			smp("serverless.yml", "    SLACK_BOT_TOKEN: xo·xb-703089255388-5358791617918-ViflxutnrYecpJbsNaUXkFVi\n"),
			smp("src/notify.py", "client = WebClient(token=\"xo·xp-762514994769-923972976556-8520271435885-054769ba41cbb44f0753903870712d5f\")\n"),
			smp(".env", "SLACK_SIGNING_·SECRET=c08927cae578485090fb254c2a992a5b\n"),
		},
		Ignore: []Sample{
			smp("README.md", "SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work\n"),
			smp("serverless.yml", "    SLACK_BOT_TOKEN: xoxb-${env:SLACK_TOKEN}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleSlackWebhook, Severity: finding.SeverityMedium, Title: "Slack incoming webhook URL",
			Why: "Anyone with the webhook URL can post messages, including convincing phishing, into the channel.",
			Doc: `A Slack incoming webhook, workflow or trigger URL (hooks.slack.com/services/…)
is in a file. The last path segment is the secret: the URL alone lets anyone post
to the channel as the integration.`,
			Fix:  "Regenerate the webhook (remove and re-add the incoming webhook in the Slack app settings) and keep the URL in SSM Parameter Store / AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "webhook: https://hooks.slack.com/services/TMH9…",
			Good: "webhook: ${ssm:/alerts/slack-webhook}",
		},
		Catch: []Sample{
			smp("src/alert.js", "const url = 'https://hooks.sl·ack.com/services/TMH9U046V/BGSL0MY485H/OTduCDuaOHZgO3IwAwufmcTZ';\n"),
			smp("config.yml", "slack: https://hooks.sl·ack.com/workflows/TV0LSAUYW/AYL47WWL2YX/441852007387824967/159twsB09lmZYcZt7dC9HVfr\n"),
		},
		Ignore: []Sample{
			smp("README.md", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n"),
			smp("src/alert.js", "const url = `https://hooks.slack.com/services/${process.env.SLACK_PATH}`;\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleTelegramToken, Severity: finding.SeverityMedium, Title: "Telegram bot token",
			Why: "The bot token controls the bot: read its messages, post as it, change its webhook.",
			Doc: `A Telegram bot token (the numeric bot id, a colon and 35 characters starting
AA) is in a file or in an api.telegram.org/bot… URL.`,
			Fix:  "Revoke it with @BotFather (/revoke), then keep the new token in SSM Parameter Store / AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "BOT_TOKEN=989674321:AAsL…",
			Good: "BOT_TOKEN: ${ssm:/bot/telegram-token}",
		},
		Catch: []Sample{
			smp(".env", "BOT_TOKEN=989674321:A·AsLN_CfEWAp72vSrE83heo7nE855LEAwm4\n"),
			smp("src/bot.js", "fetch('https://api.telegram.org/bot060228134:A·A354g1vNQJ0tbpiWVL2vavMDBfCMfUoupS/sendMessage')\n"),
		},
		Ignore: []Sample{
			smp(".env", "BOT_TOKEN=12345:AA·sLN_CfEWAp72vSrE83heo7nE855LEAwm4\n"),
			smp("notes.txt", "ratio 16:AA and 9:AB\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleDiscordWebhook, Severity: finding.SeverityMedium, Title: "Discord webhook URL",
			Why:  "The webhook URL carries its token: anyone who has it can post to the channel.",
			Doc:  `A Discord webhook URL (discord.com/api/webhooks/<id>/<token>) is in a file.`,
			Fix:  "Delete the webhook in the channel's integration settings and create a new one; keep its URL in SSM Parameter Store / AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "DISCORD_WEBHOOK=https://discord.com/api/webhooks/0984…",
			Good: "DISCORD_WEBHOOK: ${ssm:/alerts/discord}",
		},
		Catch: []Sample{
			smp(".env", "DISCORD_WEBHOOK=https://discord.com/api/web·hooks/098407605572973355/N3lFuKkowLpFPPwmSVMmEExYuemQxHLdXxr6X4wH7QoY-lM4egoBy4oz6-njrxSQN5ON\n"),
			smp("src/alert.py", "requests.post(\"https://discordapp.com/api/web·hooks/198407605572973356/N3lFuKkowLpFPPwmSVMmEExYuemQxHLdXxr6X4wH7QoY-lM4egoBy4oz6-njrxSQN5OX\", json=msg)\n"),
		},
		Ignore: []Sample{
			smp("README.md", "https://discord.com/api/webhooks/123/abc\n"),
			smp("src/api.js", "app.post('/api/webhooks/098407605572973355/N3lFuKkowLpFPPwmSVMmEExYuemQxHLdXxr6X4wH7QoY-lM4egoBy4oz6-njrxSQN5ON', h)\n"),
		},
	}}
}
