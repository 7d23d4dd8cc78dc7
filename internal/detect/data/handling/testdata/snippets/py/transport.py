import http.client
import urllib.request
from urllib.request import urlopen

import httpx
import requests

PARTNER = "http://api.partner-shop.io/v1"  # want plaintext-transport
LOCAL = "http://127.0.0.1:8080/"
SECURE = "https://api.partner-shop.io/v1"
XMLNS = "http://schemas.xmlsoap.org/soap/envelope/"
SETTINGS = {"feed_url": "http://feeds.partner-shop.io/daily.xml"}  # want plaintext-transport


def handler(event, context):
    order_id = event["id"]
    a = requests.get(PARTNER + "/orders")
    b = requests.post(f"http://hooks.partner-shop.io/orders/{order_id}", json={})  # want plaintext-transport
    c = urlopen("http://downloads.partner-shop.io/catalog.csv")  # want plaintext-transport
    d = urllib.request.urlopen(SETTINGS["feed_url"])
    e = httpx.Client(base_url="http://crm.partner-shop.io")  # want plaintext-transport
    with requests.Session() as s:
        f = s.get("http://stock.partner-shop.io/{}".format(order_id))  # want plaintext-transport
    g = http.client.HTTPConnection("legacy.partner-shop.io")  # want plaintext-transport
    h = requests.get(LOCAL)
    i = requests.get(SECURE)
    j = requests.get(f"http://{event['host']}/x")
    k = requests.get("http://localhost:9000/health")
    return [a, b, c, d, e, f, g, h, i, j, k, XMLNS]
