# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import os

import jwt


def vulnerable(event, context):
    token = event["headers"]["authorization"].split(" ")[1]
    claims = jwt.decode(token, options={"verify_signature": False})  # want "code/jwt-not-verified"
    return {"statusCode": 200 if claims.get("admin") else 403}


def fixed(event, context):
    token = event["headers"]["authorization"].split(" ")[1]
    claims = jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])
    return {"statusCode": 200 if claims.get("admin") else 403}
