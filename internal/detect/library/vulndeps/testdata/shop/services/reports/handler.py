import requests
import yaml


def main(event, context):
    cfg = yaml.safe_load(open("report.yml"))
    return requests.get(cfg["source"], timeout=10).status_code
