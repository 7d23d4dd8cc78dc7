from .db import connect
from . import handler  # cycle back to the entry


class User:
    @staticmethod
    def load(uid):
        return connect().get(uid)
