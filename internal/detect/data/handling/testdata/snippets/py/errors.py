import json
import traceback

import azure.functions as func
from flask import Flask, jsonify

app = Flask(__name__)


def handler(event, context):
    try:
        return {"statusCode": 200, "body": json.dumps(load(event))}
    except Exception as e:
        return {"statusCode": 500, "body": str(e)}  # want error-details-exposed


def handler2(event, context):
    try:
        return {"statusCode": 200, "body": json.dumps(load(event))}
    except Exception:
        return {"statusCode": 500, "body": traceback.format_exc()}  # want error-details-exposed


def handler3(event, context):
    try:
        body = json.loads(event["body"])
    except ValueError as e:
        return {"statusCode": 400, "body": json.dumps({"error": str(e)})}
    try:
        return {"statusCode": 200, "body": json.dumps(load(body))}
    except Exception as e:
        print(e)
        return {"statusCode": 500, "body": json.dumps({"error": "internal error"})}


@app.route("/items")
def items():
    try:
        return jsonify(load(None))
    except Exception as e:
        return str(e), 500  # want error-details-exposed


@app.route("/other")
def other():
    try:
        return jsonify(load(None))
    except KeyError as e:
        return jsonify(error=f"missing {e}"), 404


def main(req: func.HttpRequest) -> func.HttpResponse:
    try:
        return func.HttpResponse(json.dumps(load(req)), status_code=200)
    except Exception as exc:
        return func.HttpResponse(f"failed: {exc}", status_code=500)  # want error-details-exposed


def load(x):
    return x
