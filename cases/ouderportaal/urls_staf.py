"""Staff URLs of the ouderportaal (the dossier panel), included from cases/urls.py [issue 17]."""

from django.urls import path

from cases.ouderportaal.views import documenten_staf, staf, staf_toestemming

urlpatterns = [
    path("leerlingen/<int:pk>/ouders/<int:ouder_pk>/uitnodigen/", staf.uitnodigen, name="ouder_uitnodigen"),
    path(
        "leerlingen/<int:pk>/ouders/<int:ouder_pk>/toegang-intrekken/",
        staf.intrekken,
        name="ouder_toegang_intrekken",
    ),
    path("ouderdocumenten/", documenten_staf.lijst, name="ouderdocumenten"),
    path("ouderdocumenten/<int:pk>/", documenten_staf.detail, name="ouderdocument"),
    path("ouderdocumenten/<int:pk>/bestand/", documenten_staf.bestand, name="ouderdocument_bestand"),
    path("leerlingen/<int:pk>/toestemming/", staf_toestemming.vastleggen, name="toestemming_vastleggen"),
    path("toestemming/<int:pk>/intrekken/", staf_toestemming.intrekken, name="toestemming_papier_intrekken"),
]
