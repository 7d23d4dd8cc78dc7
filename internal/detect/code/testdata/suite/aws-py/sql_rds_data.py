# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import json
import os

import boto3

rds = boto3.client("rds-data")
CLUSTER = os.environ["CLUSTER_ARN"]
SECRET = os.environ["SECRET_ARN"]


# The RDS Data API takes the statement as the sql= keyword.
def vulnerable(event, context):
    body = json.loads(event["body"])
    stmt = "SELECT id, name FROM devices WHERE serial = '" + body["serial"] + "'"
    res = rds.execute_statement(resourceArn=CLUSTER, secretArn=SECRET, database="fleet", sql=stmt)  # want "code/sql-injection"
    return {"statusCode": 200, "body": json.dumps(res["records"])}


def fixed(event, context):
    body = json.loads(event["body"])
    res = rds.execute_statement(
        resourceArn=CLUSTER, secretArn=SECRET, database="fleet",
        sql="SELECT id, name FROM devices WHERE serial = :serial",
        parameters=[{"name": "serial", "value": {"stringValue": str(body["serial"])}}],
    )
    return {"statusCode": 200, "body": json.dumps(res["records"])}
