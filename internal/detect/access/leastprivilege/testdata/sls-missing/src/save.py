import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])


def handler(event, context):
    item = json.loads(event["body"])
    table.put_item(Item=item)
    return {"statusCode": 201}
