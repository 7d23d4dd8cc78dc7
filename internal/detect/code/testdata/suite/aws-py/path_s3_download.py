# fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
import os
import subprocess
import uuid

import boto3

s3 = boto3.client("s3")


# download_file writes the object where it is told: a key holding "../"
# writes outside the scratch directory.
def vulnerable(event, context):
    record = event["Records"][0]["s3"]
    key = record["object"]["key"]
    local = "/mnt/scratch/" + key
    s3.download_file(record["bucket"]["name"], key, local)  # want "code/path-traversal"
    return subprocess.run(["file", "--", local], capture_output=True).stdout


def fixed(event, context):
    record = event["Records"][0]["s3"]
    key = record["object"]["key"]
    local = "/mnt/scratch/{}-{}".format(uuid.uuid4(), key.replace("/", "_"))
    s3.download_file(record["bucket"]["name"], key, local)
    return subprocess.run(["file", "--", local], capture_output=True).stdout
