import azure.functions as func

bp = func.Blueprint()


@bp.route(route="orders", methods=["POST"])
def create_order(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(status_code=201)


@bp.route("orders/track", auth_level="anonymous")
def track_order(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.params.get("ref", ""))
