import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    return TABLE.get_item(Key={"isbn": event["pathParameters"]["isbn"]}).get("Item")
