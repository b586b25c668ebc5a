from django.urls import path

from cases.views import brieven, home

urlpatterns = [
    path("", home.home, name="home"),
    path("brieven/<int:pk>/pdf/", brieven.brief_download, name="brief_download"),
]
