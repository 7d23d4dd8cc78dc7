import json

import boto3
from . import views
from .models import User
import utils.helpers
from missing_module import nothing


def handler(event, context):
    user = User.load(event["id"])
    return {"statusCode": 200, "body": json.dumps(views.render(user))}
