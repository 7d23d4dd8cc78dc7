package engine

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// jsTemplates are realistic handler-code fragments: SDK calls, env reads,
// logging, object keys with secret-ish names that hold no secret.
var jsTemplates = []string{
	"'use strict';\n\nconst { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');\nconst client = new DynamoDBClient({ region: process.env.AWS_REGION });\n",
	"const apiKey = process.env.PAYMENT_API_KEY;\nconst token = event.headers.Authorization || event.headers.authorization;\n",
	"async function handler%d(event, context) {\n  const body = JSON.parse(event.body || '{}');\n  const key = `orders/${body.id}.json`;\n  console.log('processing', { requestId: context.awsRequestId, key });\n  await s3.putObject({ Bucket: process.env.BUCKET, Key: key, Body: JSON.stringify(body) }).promise();\n  return { statusCode: 200, body: JSON.stringify({ ok: true, id: body.id }) };\n}\n",
	"const passwordPolicy = { minLength: 12, requireSymbols: true };\nfunction validatePassword(password) {\n  return password.length >= passwordPolicy.minLength && /[^a-z0-9]/i.test(password);\n}\n",
	"module.exports.list%d = async (event) => {\n  const params = { TableName: process.env.TABLE, Limit: 25, ExclusiveStartKey: event.queryStringParameters?.nextToken };\n  const res = await ddb.scan(params).promise();\n  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(res.Items) };\n};\n",
	"const secretName = `${process.env.STAGE}/orders/db`;\nconst secret = await sm.getSecretValue({ SecretId: secretName }).promise();\nconst { username, password } = JSON.parse(secret.SecretString);\n",
	"// Compute the HMAC of the payload with the signing key from SSM.\nconst crypto = require('crypto');\nfunction sign(payload, signingKey) { return crypto.createHmac('sha256', signingKey).update(payload).digest('hex'); }\n",
	"const headers = { 'x-api-key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' };\nconst url = 'https://api.example.com/v2/orders?limit=50&cursor=' + encodeURIComponent(cursor);\n",
	"Object.keys(config).forEach((key) => { if (!config[key]) throw new Error(`missing ${key}`); });\nconst cacheKey = ['orders', tenantId, day].join(':');\n",
	"const commit = '0ad3995bd6c96fde1797abd723e1f94f401f0624';\nconst integrity = 'sha512-KuD0KQzJLrW4gdPnBZpRnV4rKtxqBneMB9R7Dx1h0lTtZg5jbcu54Tj4Be7gVsHfEnYa318k';\n",
}

// planted secrets (masked in this source, unmasked at build time).
var planted = []string{
	"const STRIPE_KEY = 'sk_·live_Rz3eKFIfNhqrWO9BzG9db057ANuHlwF5SEvPMZUI';\n",
	"const GITHUB_TOKEN = 'gh·p_M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf3LeZiJ';\n",
	"const DB_PASSWORD = 'Wint·3r-Sale-2021!';\n",
	"const awsKeyId = 'AK·IAC5C6BHOQMAZ6FTV4';\n",
}

// corpus builds n JavaScript files of 3–10 KiB, one in fifty with a secret.
func corpus(n int) [][]byte {
	r := rand.New(rand.NewSource(1))
	files := make([][]byte, n)
	for i := range files {
		var b strings.Builder
		size := 3<<10 + r.Intn(7<<10)
		for b.Len() < size {
			fmt.Fprintf(&b, jsTemplates[r.Intn(len(jsTemplates))], r.Intn(1000))
		}
		if i%50 == 0 {
			b.WriteString(unmask(planted[(i/50)%len(planted)]))
		}
		files[i] = []byte(b.String())
	}
	return files
}

// BenchmarkScan scans 2000 synthetic handler files and reports MB/s.
func BenchmarkScan(b *testing.B) {
	files := corpus(2000)
	var size int64
	for _, f := range files {
		size += int64(len(f))
	}
	paths := make([]string, len(files))
	for j := range files {
		paths[j] = fmt.Sprintf("src/fn%d/handler.js", j)
	}
	s := New()
	b.SetBytes(size)
	b.ResetTimer()
	cpu0 := cpuTime()
	found := 0
	for i := 0; i < b.N; i++ {
		found = 0
		for j, f := range files {
			found += len(s.Scan(paths[j], f))
		}
	}
	// MB per CPU second: stable when other processes share the cores.
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
	b.ReportMetric(float64(found), "matches")
}

// TestBenchCorpus keeps the benchmark honest: the planted secrets are
// found and nothing else is.
func TestBenchCorpus(t *testing.T) {
	s := New()
	found := 0
	for j, f := range corpus(2000) {
		ms := s.Scan(fmt.Sprintf("src/fn%d/handler.js", j), f)
		if j%50 != 0 && len(ms) > 0 {
			t.Errorf("file %d: unexpected %v", j, ms)
		}
		found += len(ms)
	}
	if found != 40 {
		t.Errorf("found %d secrets, want 40 (one in fifty files)", found)
	}
}
