import settings
from routers import users

app = object()
