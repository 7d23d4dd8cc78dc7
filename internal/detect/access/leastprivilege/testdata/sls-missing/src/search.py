import os

import boto3
from boto3.dynamodb.conditions import Key

table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])


def handler(event, context):
    res = table.query(IndexName="byCustomer", KeyConditionExpression=Key("customer").eq(event["customer"]))
    return res["Items"]
