from django.urls import include, path

from cases.views import audit, brieven, home

urlpatterns = [
    path("termijnen/", include("cases.termijnen.urls")),
    path("", include("cases.interventie.urls")),
    path("", include("cases.onderinstroom.urls")),
    path("", include("cases.dossier.urls")),
    path("", include("cases.ouderportaal.urls_staf")),
    path("", home.home, name="home"),
    path("brieven/<int:pk>/pdf/", brieven.brief_download, name="brief_download"),
    path("brieven/versturen/", brieven.brieven_versturen, name="brieven_versturen"),
    path("auditlog/", audit.audit_zoeken, name="audit_zoeken"),
]
