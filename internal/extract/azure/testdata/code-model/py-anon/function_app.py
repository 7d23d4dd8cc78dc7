import azure.functions as func

from routes import bp

# Every HTTP function without its own auth_level is anonymous.
app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="echo")
def echo(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.get_body())


@app.route(route="secure/echo", auth_level=func.AuthLevel.FUNCTION)
def secure_echo(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.get_body())


app.register_blueprint(bp)
