# fixture: provider=aws trigger=s3 handlers=vulnerable,fixed
import os
import urllib.parse


def vulnerable(event, context):
    key = urllib.parse.unquote_plus(event["Records"][0]["s3"]["object"]["key"])
    with open("/tmp/" + key, "wb") as out:  # want "code/path-traversal"
        out.write(b"")


def fixed(event, context):
    key = urllib.parse.unquote_plus(event["Records"][0]["s3"]["object"]["key"])
    with open(os.path.join("/tmp", os.path.basename(key)), "wb") as out:
        out.write(b"")
