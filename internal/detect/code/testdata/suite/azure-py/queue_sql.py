# fixture: provider=azure trigger=queueTrigger handlers=vulnerable,fixed
import json

import azure.functions as func
import pymysql

db = pymysql.connect(host="db")


def vulnerable(msg: func.QueueMessage) -> None:
    data = json.loads(msg.get_body().decode("utf-8"))
    with db.cursor() as cur:
        cur.execute("UPDATE stock SET qty = qty - 1 WHERE sku = '" + data["sku"] + "'")  # want "code/sql-injection"


def fixed(msg: func.QueueMessage) -> None:
    data = json.loads(msg.get_body().decode("utf-8"))
    with db.cursor() as cur:
        cur.execute("UPDATE stock SET qty = qty - 1 WHERE sku = %s", (data["sku"],))
