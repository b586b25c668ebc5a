"""URLs of the leerling dossier [issue 3]. Object ids only: never a BSN or a name in a URL."""

from django.urls import path

from cases.dossier.views import documenten, dossier, leerlingen, opp, ot

urlpatterns = [
    path("leerlingen/", leerlingen.leerling_lijst, name="leerling_lijst"),
    path("leerlingen/nieuw/", leerlingen.leerling_nieuw, name="leerling_nieuw"),
    path("leerlingen/<int:pk>/", dossier.dossier, name="dossier"),
    path("leerlingen/<int:pk>/gegevens/", leerlingen.leerling_wijzigen, name="leerling_wijzigen"),
    path("leerlingen/<int:pk>/ouders/nieuw/", leerlingen.ouder_bewerken, name="ouder_nieuw"),
    path("leerlingen/<int:pk>/ouders/<int:ouder_pk>/", leerlingen.ouder_bewerken, name="ouder_wijzigen"),
    path("leerlingen/<int:pk>/inschrijving/", leerlingen.inschrijving_nieuw, name="inschrijving_nieuw"),
    path("leerlingen/<int:pk>/uitschrijven/", leerlingen.uitschrijven, name="uitschrijven"),
    path("leerlingen/<int:pk>/ot/nieuw/", ot.ot_nieuw, name="ot_nieuw"),
    path("leerlingen/<int:pk>/opp/nieuw/", opp.opp_nieuw, name="opp_nieuw"),
    path("leerlingen/<int:pk>/documenten/nieuw/", documenten.document_nieuw, name="document_nieuw"),
    path("ot/<int:pk>/", ot.ot_detail, name="ot_detail"),
    path("ot/<int:pk>/bewerken/", ot.ot_bewerken, name="ot_bewerken"),
    path("ot/<int:pk>/addendum/", ot.ot_addendum, name="ot_addendum"),
    path("ot/<int:pk>/pdf/", ot.ot_pdf, name="ot_pdf"),
    path("afspraken/<int:pk>/afronden/", dossier.afspraak_afronden, name="afspraak_afronden"),
    path("opp/<int:pk>/", opp.opp_detail, name="opp_detail"),
    path("opp/<int:pk>/bewerken/", opp.opp_bewerken, name="opp_bewerken"),
    path("opp/<int:pk>/akkoord/", opp.opp_akkoord, name="opp_akkoord"),
    path("documenten/<int:pk>/", documenten.document_download, name="document_download"),
]
