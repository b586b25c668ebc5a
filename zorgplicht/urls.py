from django.urls import path

from zorgplicht import views

app_name = "zorgplicht"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("regio/", views.overzicht, name="overzicht"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/onderzoek/", views.start_onderzoek, name="start_onderzoek"),
    path("<int:pk>/informatie/", views.informatie, name="informatie"),
    path("<int:pk>/informatie/ontvangen/", views.informatie_ontvangen, name="informatie_ontvangen"),
    path("<int:pk>/verlengen/", views.verlengen, name="verlengen"),
    path("<int:pk>/besluit/", views.besluit, name="besluit"),
    path("<int:pk>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<int:pk>/niet-van-toepassing/", views.niet_van_toepassing, name="niet_van_toepassing"),
    path("<int:pk>/bao-bao/", views.baobao, name="baobao"),
    path("bao-bao/<int:pk>/antwoord/", views.baobao_antwoord, name="baobao_antwoord"),
    path("bao-bao/<int:pk>/keuze/", views.baobao_keuze, name="baobao_keuze"),
    path("<int:pk>/brieven/<int:brief_pk>/", views.brief, name="brief"),
    path("sop/", views.sop_lijst, name="sop_lijst"),
    path("sop/<int:school_pk>/", views.sop, name="sop"),
]
