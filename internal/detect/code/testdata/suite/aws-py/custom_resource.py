# fixture: provider=aws trigger= handlers=vulnerable,fixed
import subprocess


# A function invoked directly gets a payload of the caller's choosing; a
# CloudFormation custom resource gets the properties the template's author
# wrote, which are not attacker data.
def vulnerable(event, context):
    chart = event["chart"]
    subprocess.check_output("helm pull " + chart, shell=True)  # want "code/os-command-injection"
    return {"Status": "SUCCESS"}


def fixed(event, context):
    if event["RequestType"] == "Delete":
        return {"Status": "SUCCESS"}
    chart = event["ResourceProperties"]["Chart"]
    subprocess.check_output("helm pull " + chart, shell=True)
    return {"Status": "SUCCESS", "PhysicalResourceId": event["LogicalResourceId"]}
