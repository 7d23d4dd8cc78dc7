import json
from lib import db as store


def handler(event, context):
    # the order id
    oid = event["pathParameters"]["id"]
    return {"statusCode": 200, "body": f"order {oid}"}
