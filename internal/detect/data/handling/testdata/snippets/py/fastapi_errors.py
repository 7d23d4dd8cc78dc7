from fastapi import FastAPI, HTTPException

app = FastAPI()


class Store:
    def abort(self, message):
        return message


@app.get("/items/{item_id}")
def read_item(item_id: str):
    try:
        return load(item_id)
    except KeyError:
        raise HTTPException(status_code=404, detail="not found")
    except ValueError as e:
        raise HTTPException(status_code=422, detail=str(e))
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"load failed: {e}")  # want error-details-exposed


def legacy(store):
    try:
        return load("x")
    except OSError as val:
        raise store.abort("socket error: %s" % val)


def load(item_id):
    return item_id
