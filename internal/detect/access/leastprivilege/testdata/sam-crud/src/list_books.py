import os

import boto3

dynamodb = boto3.client("dynamodb")


def handler(event, context):
    pages = dynamodb.get_paginator("scan").paginate(TableName=os.environ["TABLE_NAME"])
    return [item for page in pages for item in page["Items"]]
