# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import boto3

table = boto3.resource("dynamodb").Table("users")


def is_admin(event):
    claims = event["requestContext"]["authorizer"]["claims"]
    return claims.get("cognito:groups") == "admin"


def vulnerable(event, context):
    response = {"statusCode": 200}
    if not is_admin(event):  # want "code/auth-check-falls-through"
        response = {"statusCode": 403, "body": "forbidden"}
    table.delete_item(Key={"id": event["pathParameters"]["id"]})
    return response


def fixed(event, context):
    if not is_admin(event):
        return {"statusCode": 403, "body": "forbidden"}
    table.delete_item(Key={"id": event["pathParameters"]["id"]})
    return {"statusCode": 200}
