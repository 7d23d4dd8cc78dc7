import os

import boto3

dynamodb = boto3.resource("dynamodb")
TABLE = os.getenv("ORDERS_TABLE", "orders")


def handler(event, context):
    table = dynamodb.Table(TABLE)
    return table.get_item(Key={"id": event["pathParameters"]["id"]}).get("Item")
