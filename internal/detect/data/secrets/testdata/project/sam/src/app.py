import os

API_KEY = os.environ["OPENAI_API_KEY"]
password = os.getenv("DB_PASSWORD")


def handler(event, context):
    return {"statusCode": 200, "body": "ok"}
