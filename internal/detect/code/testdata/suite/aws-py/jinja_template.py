# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import json

from jinja2 import Template

GREETING = Template("Hello {{ name }}!")


def vulnerable(event, context):
    body = json.loads(event["body"])
    text = Template(body["template"]).render(name=body["name"])  # want "code/template-injection"
    return {"statusCode": 200, "body": text}


def fixed(event, context):
    body = json.loads(event["body"])
    text = GREETING.render(name=body["name"])
    return {"statusCode": 200, "body": text}
