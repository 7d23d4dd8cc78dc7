# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import json
import os

import boto3

profiles = boto3.resource("dynamodb").Table(os.environ["PROFILES"])
EDITABLE = {"nickname", "bio", "avatar"}


# Attribute names become part of the expression: taken from the body's keys
# unchecked, the caller writes any attribute (role, balance…).
def vulnerable(event, context):
    changes = json.loads(event["body"])
    fields = {k: v for k, v in changes.items()}
    expr = "SET " + ", ".join(f"{k} = :{k}" for k in fields)
    profiles.update_item(  # want "code/nosql-injection"
        Key={"id": event["pathParameters"]["id"]},
        UpdateExpression=expr,
        ExpressionAttributeValues={f":{k}": v for k, v in fields.items()},
    )
    return {"statusCode": 204}


def fixed(event, context):
    changes = json.loads(event["body"])
    fields = {k: v for k, v in changes.items() if k in EDITABLE}
    expr = "SET " + ", ".join(f"{k} = :{k}" for k in fields)
    profiles.update_item(
        Key={"id": event["pathParameters"]["id"]},
        UpdateExpression=expr,
        ExpressionAttributeValues={f":{k}": v for k, v in fields.items()},
    )
    return {"statusCode": 204}
