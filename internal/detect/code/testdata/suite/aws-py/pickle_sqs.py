# fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
import base64
import json
import pickle


def vulnerable(event, context):
    for record in event["Records"]:
        job = pickle.loads(base64.b64decode(record["body"]))  # want "code/insecure-deserialization"
        print(job)


def fixed(event, context):
    for record in event["Records"]:
        job = json.loads(base64.b64decode(record["body"]))
        print(job)
