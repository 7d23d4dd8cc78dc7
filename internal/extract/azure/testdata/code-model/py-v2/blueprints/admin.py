import azure.functions as func

bp = func.Blueprint()


@bp.function_name(name="ResetCache")
@bp.route(route="admin/reset", methods=["POST"], auth_level=func.AuthLevel.ADMIN)
def reset_cache(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("reset")
