# fixture: provider=azure trigger=httpTrigger model=code handlers=by_year,by_year_fixed
import json

import azure.functions as func
from azure.cosmos import CosmosClient

app = func.FunctionApp()
container = CosmosClient("https://example.documents.azure.com", "key").get_database_client("db").get_container_client("films")


# Cosmos DB's SQL API: a query string built from the route is injectable.
@app.route(route="films/{year}")
def by_year(req: func.HttpRequest) -> func.HttpResponse:  # entry: by_year
    year = req.route_params.get("year")
    items = list(container.query_items(query=f"SELECT * FROM c WHERE c.year = '{year}'", enable_cross_partition_query=True))  # want "code/sql-injection"
    return func.HttpResponse(json.dumps(items), mimetype="application/json")


@app.route(route="films2/{year}")
def by_year_fixed(req: func.HttpRequest) -> func.HttpResponse:  # entry: by_year_fixed
    year = req.route_params.get("year")
    items = list(container.query_items(
        query="SELECT * FROM c WHERE c.year = @year",
        parameters=[{"name": "@year", "value": year}],
        enable_cross_partition_query=True,
    ))
    return func.HttpResponse(json.dumps(items), mimetype="application/json")
