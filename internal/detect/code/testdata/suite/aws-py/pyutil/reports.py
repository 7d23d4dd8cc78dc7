import re
import subprocess

MONTH = re.compile(r"^[0-9]{4}-[0-9]{2}$")


def build(month):
    out = subprocess.check_output("report --month " + month, shell=True)  # want "code/os-command-injection"
    return {"statusCode": 200, "body": out.decode()}


def build_safe(month):
    if not MONTH.match(month):
        return {"statusCode": 400}
    out = subprocess.check_output("report --month " + month, shell=True)
    return {"statusCode": 200, "body": out.decode()}
