import azure.functions as func

bp = func.Blueprint()


@bp.route(route="search")
def search(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.params.get("q", ""))
