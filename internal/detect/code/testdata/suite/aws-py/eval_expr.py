# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import json


def vulnerable(event, context):
    body = json.loads(event["body"])
    total = eval(body["formula"])  # want "code/code-injection"
    return {"statusCode": 200, "body": json.dumps({"total": total})}


def fixed(event, context):
    body = json.loads(event["body"])
    total = float(body["formula"])
    return {"statusCode": 200, "body": json.dumps({"total": total})}
