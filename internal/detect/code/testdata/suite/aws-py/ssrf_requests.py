# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import requests


def vulnerable(event, context):
    params = event.get("queryStringParameters") or {}
    r = requests.get(params.get("url"), timeout=5)  # want "code/ssrf"
    return {"statusCode": r.status_code}


def fixed(event, context):
    params = event.get("queryStringParameters") or {}
    r = requests.get("https://api.example.com/v1/items/" + params.get("id", ""), timeout=5)
    return {"statusCode": r.status_code}
