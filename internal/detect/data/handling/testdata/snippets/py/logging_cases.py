import json
import logging
import os

from aws_lambda_powertools import Logger

logger = logging.getLogger()
powertools = Logger()


@powertools.inject_lambda_context(log_event=True)  # want sensitive-data-logged
def handler(event, context):
    print(event)  # want sensitive-data-logged
    logging.info(json.dumps(event))  # want sensitive-data-logged
    logger.info("event: %s", event)  # want sensitive-data-logged
    logger.info(f"received {event}")  # want sensitive-data-logged
    logger.info("headers " + json.dumps(event["headers"]))  # want sensitive-data-logged
    print(os.environ)  # want sensitive-data-logged
    print(dict(os.environ))  # want sensitive-data-logged
    body = json.loads(event["body"])
    token = body["token"]
    logger.debug("token=%s", token)  # want sensitive-data-logged
    logger.info(f"api_key={body['k']}")  # want sensitive-data-logged
    logger.info("login", extra={"password": body["password"]})  # want sensitive-data-logged
    print(os.environ["DB_PASSWORD"])  # want sensitive-data-logged

    logger.info("request %s", context.aws_request_id)
    logger.info("items: %d", len(body["items"]))
    print(f"token present: {bool(token)}")
    logger.info("token", extra={"token": "***"})
    print(os.environ["STAGE"])
    return {"statusCode": 200}


@powertools.inject_lambda_context(log_event=False)
def quiet(event, context):
    return {}
