# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import re

WORDS = ["alpha", "beta"]


def vulnerable(event, context):
    pattern = re.compile(event["queryStringParameters"]["q"])  # want "code/redos"
    return {"statusCode": 200, "body": ",".join(w for w in WORDS if pattern.search(w))}


def fixed(event, context):
    pattern = re.compile(re.escape(event["queryStringParameters"]["q"]))
    return {"statusCode": 200, "body": ",".join(w for w in WORDS if pattern.search(w))}
