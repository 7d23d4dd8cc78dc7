import logging

import azure.functions as func

from blueprints import orders
from blueprints.admin import bp as admin_bp
from vendored_payments import payments_bp

app = func.FunctionApp()


# Anyone may call this one.
@app.route(route="health", auth_level=func.AuthLevel.ANONYMOUS)
def health(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("ok")


# No auth_level: the app's default (function key) applies.
@app.function_name(name="GetProduct")
@app.route(route="products/{id}", methods=[func.HttpMethod.GET])
async def get_product(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.route_params.get("id"))


@app.timer_trigger(schedule="0 0 3 * * *", arg_name="timer", run_on_startup=False)
def nightly(timer: func.TimerRequest) -> None:
    logging.info("nightly run")


@app.queue_trigger(arg_name="msg", queue_name="orders", connection="AzureWebJobsStorage")
@app.blob_output(arg_name="out", path="receipts/{id}.txt", connection="AzureWebJobsStorage")
def receipt(msg: func.QueueMessage, out: func.Out[str]) -> None:
    out.set(msg.get_body().decode())


@app.blob_trigger(arg_name="blob", path="uploads/{name}", connection="MediaStorage")
def thumbnail(blob: func.InputStream) -> None:
    logging.info(blob.name)


@app.service_bus_queue_trigger(arg_name="m", queue_name="jobs", connection="ServiceBus")
def job(m: func.ServiceBusMessage) -> None:
    logging.info(m.get_body())


@app.service_bus_topic_trigger(arg_name="m", topic_name="events", subscription_name="audit", connection="ServiceBus")
def audit(m: func.ServiceBusMessage) -> None:
    logging.info(m.get_body())


@app.function_name("Telemetry")
@app.event_hub_message_trigger(arg_name="event", event_hub_name="telemetry", consumer_group="$Default", connection="EventHub")
def telemetry(event: func.EventHubEvent) -> None:
    logging.info(event.get_body())


@app.cosmos_db_trigger(arg_name="docs", database_name="shop", container_name="items", connection="CosmosDB",
                       lease_container_name="leases")
def catalog_feed(docs: func.DocumentList) -> None:
    logging.info(len(docs))


@app.event_grid_trigger(arg_name="event")
def grid_event(event: func.EventGridEvent) -> None:
    logging.info(event.id)


def not_a_function() -> None:
    pass


app.register_functions(orders.bp)
app.register_functions(admin_bp)
app.register_functions(payments_bp)
