from ..models import User


def render(user: User):
    return {"id": user}
