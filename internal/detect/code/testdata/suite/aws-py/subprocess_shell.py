# fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
import json
import shlex
import subprocess


def vulnerable(event, context):
    for record in event["Records"]:
        job = json.loads(record["body"])
        subprocess.run(f"convert {job['src']} /tmp/out.png", shell=True)  # want "code/os-command-injection"


def fixed(event, context):
    for record in event["Records"]:
        job = json.loads(record["body"])
        subprocess.run(f"convert {shlex.quote(str(job['src']))} /tmp/out.png", shell=True)
