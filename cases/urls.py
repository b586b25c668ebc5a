from django.urls import include, path

from cases.views import brieven, home

urlpatterns = [
    path("termijnen/", include("cases.termijnen.urls")),
    path("", include("cases.interventie.urls")),
    path("", include("cases.urls_dossier")),
    path("", home.home, name="home"),
    path("brieven/<int:pk>/pdf/", brieven.brief_download, name="brief_download"),
]
