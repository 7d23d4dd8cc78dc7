# fixture: provider=aws trigger=dynamodb handlers=vulnerable,fixed
import os


def vulnerable(event, context):
    for record in event["Records"]:
        old = record["dynamodb"].get("OldImage", {})
        os.remove("/mnt/files/" + old["path"]["S"])  # want "code/path-traversal"


def fixed(event, context):
    for record in event["Records"]:
        old = record["dynamodb"].get("OldImage", {})
        os.remove("/mnt/files/" + os.path.basename(old["path"]["S"]))
