# fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
import json
import sqlite3

db = sqlite3.connect("/tmp/cache.db")


def vulnerable(event, context):
    for record in event.get("Records", []):
        msg = json.loads(record["body"])
        db.execute(f"DELETE FROM cache WHERE key = '{msg['key']}'")  # want "code/sql-injection"


def fixed(event, context):
    for record in event.get("Records", []):
        msg = json.loads(record["body"])
        db.execute("DELETE FROM cache WHERE key = ?", (msg["key"],))
