import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])


def put_order(order):
    TABLE.put_item(Item=order)


def get_order(order_id):
    return TABLE.get_item(Key={"id": order_id}).get("Item")


def delete_order(order_id):
    TABLE.delete_item(Key={"id": order_id})
