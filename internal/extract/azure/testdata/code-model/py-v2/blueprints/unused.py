import azure.functions as func

bp = func.Blueprint()


# Never registered with the app: not deployed as a function.
@bp.route(route="forgotten", auth_level=func.AuthLevel.ANONYMOUS)
def forgotten(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("x")
