from django.urls import path

from cases.views import home

urlpatterns = [
    path("", home.home, name="home"),
]
