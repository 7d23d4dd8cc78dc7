# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import yaml


def vulnerable(event, context):
    config = yaml.load(event["body"], Loader=yaml.Loader)  # want "code/insecure-deserialization"
    return {"statusCode": 200, "body": str(config)}


def fixed(event, context):
    config = yaml.load(event["body"], Loader=yaml.SafeLoader)
    return {"statusCode": 200, "body": str(config)}
