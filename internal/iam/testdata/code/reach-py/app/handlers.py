import json

from app import db
from app.db import get_order


def create(event, context):
    order = json.loads(event["body"])
    db.put_order(order)
    return {"statusCode": 201}


def read(event, context):
    return get_order(event["pathParameters"]["id"])
