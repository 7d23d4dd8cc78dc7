"""Fixture for inline suppressions in Python."""
import subprocess


def handler(event, context):
    # clad:ignore code/command-injection the arguments are a fixed list, no shell
    subprocess.run(["ls", event["dir"]])
    subprocess.run(event["cmd"], shell=True)  # clad:ignore code/* reviewed in SEC-7
    exec(event["code"])  # clad:ignore
    return {}
