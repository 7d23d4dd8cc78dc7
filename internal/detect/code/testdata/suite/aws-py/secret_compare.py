# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import hmac
import os


def vulnerable(event, context):
    if event["headers"].get("x-api-key") == "sk_test_4eC39HqLyjWDarjtT1zdp7dc":  # want "code/insecure-secret-comparison"
        return {"statusCode": 200}
    return {"statusCode": 403}


def fixed(event, context):
    if hmac.compare_digest(event["headers"].get("x-api-key", ""), os.environ["API_KEY"]):
        return {"statusCode": 200}
    return {"statusCode": 403}
