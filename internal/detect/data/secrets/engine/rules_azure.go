package engine

import "github.com/cladsec/clad/internal/finding"

func azureRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleAzureStorageKey, Severity: finding.SeverityCritical, Title: "Azure Storage account key",
			Why: "An account key is full control of the storage account: every blob, queue, table and file share.",
			Doc: `An Azure Storage account key (88 base64 characters) is in a connection string
(DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…) or assigned to a storage
key name. Functions apps commonly leak it through AzureWebJobsStorage in
local.settings.json. The Azurite/emulator development key is ignored.`,
			Fix:  "Rotate the key (Storage account → Access keys → Rotate key) and switch the app to a managed identity with an RBAC role (AzureWebJobsStorage__accountName), or keep the connection string in Azure Key Vault referenced from app settings. " + storeAzure + rotateNow,
			Bad:  `"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=todo;AccountKey=Ps5q…"`,
			Good: `"AzureWebJobsStorage__accountName": "tododatastore01"`,
		},
		Provider: true,
		Catch: []Sample{
			smp("local.settings.json", `{"Values": {"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=orders01;Account·Key=1qBJ6PmEEgoneJuB85IcaDTN2jCAF7yFAs1b7ej8XZdKMqlldlJQI85rBwJwjzpbi6eXrRhDn7PCENeYzKVQ6Q==;EndpointSuffix=core.windows.net"}}`+"\n"),
			smp("src/blob.js", "const storageAccountKey = '5SXv·b+IK+Y2LLzQ/GS77RnhDATJYW+GLEBygcbu7t2toLp0n0qnNEcTXaluB+gPhx5Aj/vJ/AlxfLiaix8vHkw==';\n"),
		},
		Ignore: []Sample{
			smp("local.settings.json", `{"Values": {"AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"}}`+"\n"),
			smp("local.settings.json", `{"Values": {"AzureWebJobsStorage": "UseDevelopmentStorage=true"}}`+"\n"),
			smp("local.settings.json", `{"Values": {"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=orders01;AccountKey=<account-key>"}}`+"\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAzureSAS, Severity: finding.SeverityHigh, Title: "Azure shared access signature",
			Why: "A SAS URL grants its permissions (often read/write/list on a whole account) to anyone, until it expires.",
			Doc: `An Azure shared access signature (a query with sv=, se= or sp=, and sig=) is
in a file. Account SAS tokens committed with far-future expiry dates are common
and cannot be revoked individually unless they hang off a stored access policy.`,
			Fix:  "Revoke it: rotate the account key that signed it (or delete the stored access policy), and issue short-lived user-delegation SAS tokens at run time instead. " + storeAzure + rotateNow,
			Bad:  "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=rwdl&se=2030-01-01&sig=%2B%2B1h…",
			Good: "// user delegation SAS created at run time, valid 15 minutes",
		},
		Provider: true,
		Catch: []Sample{
			smp("src/upload.js", "const url = 'https://orders01.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2030-01-01T00:00:00Z&spr=https&si·g=%2B%2B1hVNiyK1R0hAH7iPxT%2BsMljoVwHJOs89UEvvaw5gE%3D';\n"),
			smp(".env", "BLOB_SAS=sv=2022-11-02&sr=c&sp=rl&se=2031-06-01&si·g=EI3k6mCwxOxtXUWVO0z5DjfCg63TgxCPadeN7223WWI%3D\n"),
		},
		Ignore: []Sample{
			smp("src/upload.js", "const url = `${base}?sig=${signature}`;\n"),
			smp("docs/sas.md", "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&se=2030-01-01&sig=xxxxxxxx\n"),
			smp("src/hmac.js", "const q = 'a=1&sig=EI3k6mCwxOxtXUWVO0z5DjfCg63TgxCPadeN7223WWI%3D';\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAzureSharedKey, Severity: finding.SeverityCritical, Title: "Azure Service Bus / Event Hubs shared access key",
			Why: "A SharedAccessKey (often RootManageSharedAccessKey) sends, reads and manages every queue or hub in the namespace.",
			Doc: `A SharedAccessKey in a Service Bus, Event Hubs, Relay or IoT Hub connection
string is in a file. The namespace-level RootManageSharedAccessKey can create and
delete entities, not just send messages.`,
			Fix:  "Regenerate the key (namespace → Shared access policies), prefer a managed identity with a data-plane RBAC role (ServiceBusConnection__fullyQualifiedNamespace), or keep the connection string in Azure Key Vault. " + storeAzure + rotateNow,
			Bad:  "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=aF3Q…",
			Good: `"ServiceBusConnection__fullyQualifiedNamespace": "orders.servicebus.windows.net"`,
		},
		Provider: true,
		Catch: []Sample{
			smp("local.settings.json", `{"Values": {"ServiceBusConnection": "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccess·Key=aF3QpxgON5bx5b5s758hEpstqHRJ90kNMHSxoYxDf5M="}}`+"\n"),
			smp("src/hub.py", "conn = \"Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccess·Key=qlN09UKEKtNMYLCKFWcNVB7IgUEX3q6vWxJiNhxFrAo=;EntityPath=events\"\n"),
		},
		Ignore: []Sample{
			smp("local.settings.json", `{"Values": {"ServiceBusConnection": "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"}}`+"\n"),
			smp("README.md", "SharedAccessKeyName=RootManageSharedAccessKey\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAzureFunctionKey, Severity: finding.SeverityHigh, Title: "Azure Functions key",
			Why: "A function key (or the host master key) is the only thing between the internet and a key-protected HTTP function.",
			Doc: `An Azure Functions function, host or master key is in a file: as code= in a
URL to *.azurewebsites.net, as an x-functions-key value, in a host secrets file
(masterKey, functionKeys), or as a key-shaped value (56 base64 characters, or the
newer format carrying "AzFu") in a file that calls a Functions app. The master key
also calls admin endpoints and runs disabled functions.`,
			Fix:  "Renew the key (Function app → App keys / the function's Function keys → Renew key value), stop passing it in URLs, and have callers fetch it from Azure Key Vault at run time; better, protect the function with Entra ID (App Service authentication) instead of keys." + rotateNow,
			Bad:  `{"functions": {"backup": "C3rJ…=="}}   // next to https://app.azurewebsites.net`,
			Good: "const key = await kv.getSecret('backup-function-key');",
		},
		Provider: true,
		Catch: []Sample{
			smp("src/client.js", "await fetch('https://todo-prod.azurewebsites.net/api/backup?co·de=C3rJulMMYbI9rO2H1z06GzpaBkQP5Ld7V6HE5MJx5OyItKbQZQ9jbw==');\n"),
			smp("config/keys.json", "{\n  \"baseUrl\": \"https://todo-prod.azure·websites.net/api\",\n  \"functions\": {\n    \"backup\": \"08ZDYnsp5uGOhmdF94ERfqNNnow3hXbW0mOh20fz7Xx4xH/Mi+/KgQ==\"\n  }\n}\n"),
			smp("src/call.py", "headers = {\"x-functions-·key\": \"8GsnzAUuxu0PxXscCCqmcxd+vULF8hB6MGaT1YokFgFlIxUXamOFbQ==\"}\n"),
			smp("host.json", "{\"masterKey\": {\"name\": \"master\", \"value\": \"9QyucS19AvMp2gUAeSsUfFgUl8oPK-HJN45P_ED7ePP2lny2pg17Az·Fu\", \"encrypted\": false}}\n"),
		},
		Ignore: []Sample{
			smp("src/login.js", "res.redirect('https://app.example.com/callback?code=C3rJulMMYbI9rO2H1z06GzpaBkQP5Ld7V6HE5MJx5OyItKbQZQ9jbw==');\n"),
			smp("config/keys.json", "{\"baseUrl\": \"https://todo-prod.azurewebsites.net/api\", \"functions\": {\"backup\": \"${BACKUP_KEY}\"}}\n"),
			smp("host.json", "{\"masterKey\": {\"name\": \"master\", \"value\": \"CfDJ8AAAAAAAAAAAAAAAAAAAAAAxyz\", \"encrypted\": true}}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleCosmosDBKey, Severity: finding.SeverityCritical, Title: "Azure Cosmos DB account key",
			Why: "A Cosmos DB primary key reads, writes and deletes every database and container of the account.",
			Doc: `A Cosmos DB account key is in a connection string (AccountEndpoint=…;AccountKey=…)
or assigned to a Cosmos key name. The emulator's well-known key is ignored.`,
			Fix:  "Regenerate the key (Cosmos DB account → Keys), use a managed identity with Cosmos DB data-plane RBAC (CosmosDBConnection__accountEndpoint), or keep the connection string in Azure Key Vault. " + storeAzure + rotateNow,
			Bad:  "AccountEndpoint=https://todo.documents.azure.com:443/;AccountKey=8/P7…",
			Good: `"CosmosDBConnection__accountEndpoint": "https://todo.documents.azure.com:443/"`,
		},
		Provider: true,
		Catch: []Sample{
			smp("local.settings.json", `{"Values": {"CosmosDB": "AccountEndpoint=https://todo.documents.azure.com:443/;Account·Key=8/P7ztT+nCBjSJSlAHqDCzU+LumP/m5W0xo7V9dMdlTAcmbFrAP1axAOGEQTWAFl/JpM88PJIc2vLMpBRa0Clw==;"}}`+"\n"),
			smp("src/db.js", "const client = new CosmosClient({ endpoint, key: 'dgei·+nLBWbo7NPg2Z++is4aEcrNTqK1B+YatWaXWyArn3Vc8/mE8h0cNYsxKFZcL2GJUdHWVD+7UcWjowMa2Bg==' });\nconst cosmosPrimaryKey = 'dgei·+nLBWbo7NPg2Z++is4aEcrNTqK1B+YatWaXWyArn3Vc8/mE8h0cNYsxKFZcL2GJUdHWVD+7UcWjowMa2Bg==';\n"),
		},
		Ignore: []Sample{
			smp("local.settings.json", `{"Values": {"CosmosDB": "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="}}`+"\n"),
			smp("local.settings.json", `{"Values": {"CosmosDB__accountEndpoint": "https://todo.documents.azure.com:443/"}}`+"\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAzureADSecret, Severity: finding.SeverityCritical, Title: "Microsoft Entra ID (Azure AD) client secret",
			Why: "An app registration's client secret signs in as the application, with every API permission it was granted.",
			Doc: `An Entra ID (Azure AD) application client secret is in a file: the current
format (three characters, a digit, "Q~", then 31 to 34 characters) anywhere, or a
value assigned to AZURE_CLIENT_SECRET-like names.`,
			Fix:  "Delete the secret in the app registration (Certificates & secrets) and create a new one with a short expiry, or better use a managed identity or workload identity federation so no secret exists. " + storeAzure + rotateNow,
			Bad:  "AZURE_CLIENT_SECRET=dzc2Q~7dVp…",
			Good: "# managed identity: DefaultAzureCredential, no secret",
		},
		Provider: true,
		Catch: []Sample{
			smp(".env", "AZURE_CLIENT_SECRET=dzc2·Q~7dVp7y36ZgpWjwKEZNsMv4sBgCOW8eW7xO\n"),
			smp("src/graph.ts", "const cred = new ClientSecretCredential(tenant, clientId, 'xCz5·Q~qFeXgMTP8JU5GtNYk7f0zhUi3HMzOoP.Ik');\n"),
			smp("appsettings.json", `{"AzureAd": {"Client·Secret": "nEUN8n9fP0U_wRFAN8i8KuD0KQzJLrW4gd"}}`+"\n"),
		},
		Ignore: []Sample{
			smp(".env", "AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}\n"),
			smp("notes.txt", "shortcut 8Q~ means nothing\n"),
		},
	}}
}
