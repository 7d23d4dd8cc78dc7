'use strict';
// TLS verification turned off, and the safe twins beside each case.
const https = require('https');
const tls = require('tls');
const axios = require('axios');
const request = require('request');
const { Client } = require('pg');

const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // want tls-verification-disabled
const trustedAgent = new https.Agent({ ca: process.env.CA_BUNDLE, rejectUnauthorized: true });
const envAgent = new https.Agent({ rejectUnauthorized: process.env.STRICT !== 'no' });

async function report(token, url) {
  return axios.get(url, {
    headers: { Authorization: `Bearer ${token}` },
    httpsAgent: new https.Agent({ rejectUnauthorized: false }), // want tls-verification-disabled+creds
  });
}

function connect(host) {
  return tls.connect({ host, port: 6379, rejectUnauthorized: !1 }); // want tls-verification-disabled
}

function legacy(url) {
  return request({ url, strictSSL: false }); // want tls-verification-disabled
}

const db = new Client({
  host: process.env.DB_HOST,
  password: process.env.DB_PASSWORD,
  ssl: { rejectUnauthorized: false }, // want tls-verification-disabled+creds
});

const safeDb = new Client({ ssl: { rejectUnauthorized: true, ca: process.env.RDS_CA } });

function quiet() {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // want tls-verification-disabled
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0; // want tls-verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
  Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0' }); // want tls-verification-disabled
}

insecureAgent.options.rejectUnauthorized = false; // want tls-verification-disabled

const lax = { checkServerIdentity: () => undefined }; // want tls-verification-disabled
const laxToo = { checkServerIdentity() { return undefined; } };
const strict = { checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) };

module.exports = { report, connect, legacy, quiet, db, safeDb, trustedAgent, envAgent, lax, laxToo, strict };
