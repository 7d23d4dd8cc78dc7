import os

import boto3

client = boto3.client("dynamodb")


def handler(event, context):
    client.put_item(TableName=os.environ["ORDERS_TABLE"], Item={"id": {"S": event["id"]}})
