# fixture: provider=aws trigger=http handlers=vulnerable,fixed
import psycopg2

conn = psycopg2.connect("dbname=shop")


def vulnerable(event, context):
    order_id = event["pathParameters"]["id"]
    cur = conn.cursor()
    cur.execute("SELECT * FROM orders WHERE id = '%s'" % order_id)  # want "code/sql-injection"
    return {"statusCode": 200, "body": str(cur.fetchall())}


def fixed(event, context):
    order_id = event["pathParameters"]["id"]
    cur = conn.cursor()
    cur.execute("SELECT * FROM orders WHERE id = %s", (order_id,))
    return {"statusCode": 200, "body": str(cur.fetchall())}
