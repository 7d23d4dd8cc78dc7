# fixture: provider=azure trigger=blobTrigger handlers=vulnerable,fixed
import os

import azure.functions as func


def vulnerable(blob: func.InputStream):
    with open(os.path.join("/tmp", blob.name), "wb") as out:  # want "code/path-traversal"
        out.write(blob.read())


def fixed(blob: func.InputStream):
    with open(os.path.join("/tmp", os.path.basename(blob.name)), "wb") as out:
        out.write(blob.read())
