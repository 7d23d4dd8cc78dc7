from settings import DEBUG
