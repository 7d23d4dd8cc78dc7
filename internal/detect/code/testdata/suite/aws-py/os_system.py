# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import os
import subprocess


def vulnerable(event, context):
    host = event["queryStringParameters"]["host"]
    os.system("ping -c 1 " + host)  # want "code/os-command-injection"
    return {"statusCode": 202}


def fixed(event, context):
    host = event["queryStringParameters"]["host"]
    subprocess.run(["ping", "-c", "1", host], check=False)
    return {"statusCode": 202}
