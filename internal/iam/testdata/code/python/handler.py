import json
import os

import boto3

from clients import TABLE, sqs

s3 = boto3.client("s3")
BUCKET = os.environ["BUCKET"]
cognito = boto3.client("cognito-idp")


def handler(event, context):
    body = boto3.client("s3").get_object(Bucket="acme-config", Key="settings.json")["Body"].read()
    s3.put_object(Bucket=BUCKET, Key="out.json", Body=body)
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="in/"):
        print(page["KeyCount"])
    TABLE.put_item(Item={"id": "1"})
    with TABLE.batch_writer() as batch:
        batch.put_item(Item={"id": "2"})
    bucket = boto3.resource("s3").Bucket(BUCKET)
    bucket.upload_file("/tmp/a", "a")
    boto3.resource("s3").Object("acme-config", "b").get()
    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps(event))
    user = cognito.admin_get_user(UserPoolId=os.environ["POOL_ID"], Username=event["user"])
    cognito.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="x", AuthParameters={})
    return user
