"""Test-only settings for the production smoke test (tests/test_productie.py) [issue 13]:
config.settings.production unchanged, plus one URL that raises so the 500 page can be fetched
from gunicorn. Production itself has no such URL; nothing outside that test uses this module."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.productie_urls"
