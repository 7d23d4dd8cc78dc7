# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import os

MODES = ("fast", "safe")


def vulnerable(event, context):
    q = event["queryStringParameters"]
    cmd = "ls {}".format(q["dir"])
    os.system(cmd)  # want "code/os-command-injection"
    os.popen(" ".join(["du", "-sh", q["path"]]))  # want "code/os-command-injection"
    getattr(os, "system")(q["cmd"])  # want "code/os-command-injection"
    sep = getattr(os, "sep", q["sep"])  # a default may be what getattr returns
    os.system("ls" + sep)  # want "code/os-command-injection"


def fixed(event, context):
    q = event["queryStringParameters"]
    if q["mode"] in MODES:
        os.system("run --mode " + q["mode"])
    os.system("sleep %d" % int(q["n"]))
    if q.get("cmd") == "status":
        os.system(q["cmd"])
    getattr(os.path, "basename")(q["cmd"])
    getattr(os, "system")("uptime")
