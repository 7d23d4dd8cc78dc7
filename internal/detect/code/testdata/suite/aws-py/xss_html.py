# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import html


def vulnerable(event, context):
    name = event["queryStringParameters"]["name"]
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html"},
        "body": "<h1>Hi " + name + "</h1>",  # want "code/xss"
    }


def fixed(event, context):
    name = event["queryStringParameters"]["name"]
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html"},
        "body": "<h1>Hi " + html.escape(name) + "</h1>",
    }
