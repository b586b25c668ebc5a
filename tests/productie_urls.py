"""Test-only URLconf of tests/productie_settings.py [issue 13]: the project's URLs and error
handlers, plus /__test__/500/ that raises, to fetch the 500 page from gunicorn. Never in production."""

from django.urls import path

from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as project_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def fout(request):
    raise RuntimeError("opzettelijke fout voor de productie-rooktest")


urlpatterns = [path("__test__/500/", fout), *project_urlpatterns]
