import ssl
import urllib.request
import boto3
import httpx
import redis
import requests
import urllib3
from aiohttp import TCPConnector

urllib3.disable_warnings()


def fetch(url, token):
    a = requests.get(url, verify=False)  # want tls-verification-disabled
    b = requests.post(url, json={}, headers={"Authorization": "Bearer " + token}, verify=False)  # want tls-verification-disabled+creds
    c = requests.get(url, verify=True)
    d = requests.get(url, verify="/opt/certs/corp-ca.pem")
    e = requests.get(url, verify=os_env("CA"))
    return a, b, c, d, e


def session():
    s = requests.Session()
    s.verify = False  # want tls-verification-disabled
    t = requests.Session()
    t.verify = "/opt/certs/corp-ca.pem"
    return s, t


def contexts():
    ctx = ssl._create_unverified_context()  # want tls-verification-disabled
    ssl._create_default_https_context = ssl._create_unverified_context  # want tls-verification-disabled
    ctx2 = ssl.create_default_context()
    ctx2.check_hostname = False  # want tls-verification-disabled
    ctx2.verify_mode = ssl.CERT_NONE  # want tls-verification-disabled
    ctx3 = ssl.create_default_context(cafile="/opt/certs/corp-ca.pem")
    if ctx3.verify_mode == ssl.CERT_NONE:
        raise RuntimeError("unverified")
    return urllib.request.urlopen("https://api.partner.io", context=ctx)


def clients():
    s3 = boto3.client("s3", verify=False)  # want tls-verification-disabled
    h = httpx.Client(verify=False)  # want tls-verification-disabled
    r = redis.Redis(host="cache", ssl=True, ssl_cert_reqs="none")  # want tls-verification-disabled
    r2 = redis.Redis(host="cache", ssl=True, ssl_cert_reqs="required")
    k = TCPConnector(ssl=False)  # want tls-verification-disabled
    plain = redis.Redis(host="cache", ssl=False)
    return s3, h, r, r2, k, plain


def tokens(token, key):
    import jwt
    claims = jwt.decode(token, key, verify=False)
    return claims


def process_wide():
    import os
    os.environ["PYTHONHTTPSVERIFY"] = "0"  # want tls-verification-disabled
    os.environ["PYTHONHTTPSVERIFY"] = "1"


def os_env(name):
    return name
