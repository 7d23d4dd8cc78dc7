# fixture: provider=aws trigger=http handlers=vulnerable,fixed
from pyutil import reports


def vulnerable(event, context):
    return reports.build(event["queryStringParameters"]["month"])


def fixed(event, context):
    return reports.build_safe(event["queryStringParameters"]["month"])
