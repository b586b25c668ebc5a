from django.urls import path

from verzuim.views import (
    absoluut,
    escalatie,
    maatregelen,
    maatregelmeldingen,
    meldingen,
    thuiszitters,
    verantwoording,
    vrijstelling,
)

app_name = "verzuim"

urlpatterns = [
    path("", meldingen.leerlingen, name="leerlingen"),
    path("leerling/<int:leerling_id>/", meldingen.leerling, name="leerling"),
    path("meldingen/", meldingen.meldingen, name="meldingen"),
    path("meldingen/<int:pk>/", meldingen.melding, name="melding"),
    path("maatregelen/", maatregelen.maatregelen, name="maatregelen"),
    path("absoluut/nieuw/", absoluut.absoluut_nieuw, name="absoluut_nieuw"),
    path("duo/", absoluut.duo_meldingen, name="duo_meldingen"),
    path("duo/<int:pk>/gemeld/", absoluut.duo_gemeld, name="duo_gemeld"),
    path("leerling/<int:leerling_id>/time-out/", maatregelen.time_out_nieuw, name="time_out_nieuw"),
    path("leerling/<int:leerling_id>/schorsing/", maatregelen.schorsing_nieuw, name="schorsing_nieuw"),
    path(
        "leerling/<int:leerling_id>/verwijdering/", maatregelen.verwijdering_nieuw, name="verwijdering_nieuw"
    ),
    path("time-out/<int:pk>/", maatregelen.time_out, name="time_out"),
    path("schorsing/<int:pk>/", maatregelen.schorsing, name="schorsing"),
    path("verwijdering/<int:pk>/", maatregelen.verwijdering, name="verwijdering"),
    path("maatregel-melding/<int:pk>/", maatregelmeldingen.maatregelmelding, name="maatregelmelding"),
    path("thuiszitters/", thuiszitters.register, name="thuiszitters"),
    path("thuiszitters/export/", thuiszitters.export, name="thuiszitters_export"),
    path("thuiszitters/nieuw/", thuiszitters.thuiszitter_nieuw, name="thuiszitter_nieuw"),
    path("thuiszitters/<int:pk>/", thuiszitters.thuiszitter, name="thuiszitter"),
    path("escalaties/", escalatie.escalaties, name="escalaties"),
    path("escalaties/nieuw/", escalatie.escalatie_nieuw, name="escalatie_nieuw"),
    path("escalatie/<int:pk>/", escalatie.escalatie, name="escalatie"),
    path("verantwoordingen/", verantwoording.verantwoordingen, name="verantwoordingen"),
    path("verantwoordingen/<int:pk>/", verantwoording.verantwoording, name="verantwoording"),
    path("vrijstellingen/", vrijstelling.vrijstellingen, name="vrijstellingen"),
    path("vrijstellingen/nieuw/", vrijstelling.vrijstelling_nieuw, name="vrijstelling_nieuw"),
    path("vrijstellingen/<int:pk>/", vrijstelling.vrijstelling, name="vrijstelling"),
]
