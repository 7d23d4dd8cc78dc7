# fixture: provider=azure trigger=httpTrigger handlers=vulnerable,fixed
import html

import azure.functions as func


def vulnerable(req: func.HttpRequest) -> func.HttpResponse:
    who = req.route_params.get("who")
    return func.HttpResponse("<h1>" + who + "</h1>", mimetype="text/html")  # want "code/xss"


def fixed(req: func.HttpRequest) -> func.HttpResponse:
    who = req.route_params.get("who")
    return func.HttpResponse("<h1>" + html.escape(who) + "</h1>", mimetype="text/html")
