# fixture: provider=azure trigger=httpTrigger model=code handlers=get_invoice,get_invoice_fixed
import json
import sqlite3

import azure.functions as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)
db = sqlite3.connect("/tmp/invoices.db")


# A v2 route: path parameters are in req.route_params.
@app.route(route="invoices/{number}", methods=["GET"])
def get_invoice(req: func.HttpRequest) -> func.HttpResponse:  # entry: get_invoice
    number = req.route_params.get("number")
    rows = db.execute(f"SELECT * FROM invoices WHERE number = '{number}'").fetchall()  # want "code/sql-injection"
    return func.HttpResponse(json.dumps(rows), mimetype="application/json")


@app.route(route="invoices2/{number}", methods=["GET"])
def get_invoice_fixed(req: func.HttpRequest) -> func.HttpResponse:  # entry: get_invoice_fixed
    number = req.route_params.get("number")
    rows = db.execute("SELECT * FROM invoices WHERE number = ?", (number,)).fetchall()
    return func.HttpResponse(json.dumps(rows), mimetype="application/json")
