import boto3

session = boto3.session.Session()
sqs = session.client("sqs")
TABLE = boto3.resource("dynamodb").Table("acme-events")
