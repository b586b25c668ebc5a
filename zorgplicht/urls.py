from django.urls import path

from zorgplicht.views import aanmeldingen, baobao, sop, stappen

app_name = "zorgplicht"

urlpatterns = [
    path("", aanmeldingen.lijst, name="lijst"),
    path("regio/", aanmeldingen.overzicht, name="overzicht"),
    path("nieuw/", aanmeldingen.nieuw, name="nieuw"),
    path("<int:pk>/", aanmeldingen.detail, name="detail"),
    # The seven steps (onderzoek/, informatie/, informatie/ontvangen/, verlengen/, besluit/,
    # afsluiten/, niet-van-toepassing/): path and name per row of zorgplicht/views/stappen.py.
    *(path(f"<int:pk>/{s.pad}", stappen.view(s), name=s.naam) for s in stappen.STAPPEN),
    path("<int:pk>/bao-bao/", baobao.baobao, name="baobao"),
    path("bao-bao/<int:pk>/antwoord/", baobao.baobao_antwoord, name="baobao_antwoord"),
    path("bao-bao/<int:pk>/keuze/", baobao.baobao_keuze, name="baobao_keuze"),
    path("<int:pk>/brieven/<int:brief_pk>/", aanmeldingen.brief, name="brief"),
    path("sop/", sop.sop_lijst, name="sop_lijst"),
    path("sop/<int:school_pk>/", sop.sop, name="sop"),
]
