import os

# DEBUG off by default so that `make run` shows the product's own Dutch 403/404/500 pages, as
# production does; DEBUG=true in the environment brings Django's technical pages back [issue 13].
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-passend")
# The demo SWV and the demo accounts on the login page: a development convenience, not DEBUG.
os.environ.setdefault("PASSEND_DEMO", "true")

from .base import *  # noqa: E402,F403

# Static files as DEBUG used to serve them, also with DEBUG off: edits to static/ show on the next
# request (whitenoise rescans the finders) and the browser does not cache them.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_MAX_AGE = 0
