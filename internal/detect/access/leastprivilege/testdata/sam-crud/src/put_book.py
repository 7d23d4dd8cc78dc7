import json
import os

import boto3

client = boto3.client("dynamodb")


def handler(event, context):
    book = json.loads(event["body"])
    client.put_item(TableName=os.environ["TABLE_NAME"], Item={"isbn": {"S": book["isbn"]}})
    return {"statusCode": 201}
