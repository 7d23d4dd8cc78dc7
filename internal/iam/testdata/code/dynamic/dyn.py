import boto3

table = boto3.resource("dynamodb").Table("acme")


def handler(event, context):
    op = getattr(table, event["op"])
    return op(Key={"id": event["id"]})
