# fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
import subprocess

import azure.functions as func


def vulnerable(req: func.HttpRequest) -> func.HttpResponse:
    name = req.params.get("name")
    out = subprocess.check_output("grep -i " + name + " /data/users.txt", shell=True)  # want "code/os-command-injection"
    return func.HttpResponse(out)


def fixed(req: func.HttpRequest) -> func.HttpResponse:
    name = req.params.get("name")
    out = subprocess.check_output(["grep", "-i", "--", name, "/data/users.txt"])
    return func.HttpResponse(out)
