# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import json

import pymongo

users = pymongo.MongoClient()["app"]["users"]


def vulnerable(event, context):
    body = json.loads(event["body"])
    user = users.find_one({"name": body["name"], "password": body["password"]})  # want "code/nosql-injection"
    return {"statusCode": 200 if user else 401}


def fixed(event, context):
    body = json.loads(event["body"])
    user = users.find_one({"name": str(body["name"]), "password": str(body["password"])})
    return {"statusCode": 200 if user else 401}
