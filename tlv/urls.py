from django.urls import path

from tlv import overzichten, register_views, views

app_name = "tlv"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("ter-ondertekening/", views.ter_ondertekening, name="ter_ondertekening"),
    path("tla/", views.tla_werklijst, name="tla_werklijst"),
    path("mijn-aanvragen/", views.mijn_aanvragen, name="mijn_aanvragen"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("vergaderingen/", views.vergaderingen, name="vergaderingen"),
    path("herindicaties/", overzichten.herindicaties, name="herindicaties"),
    path("doorlooptijden/", overzichten.doorlooptijden, name="doorlooptijden"),
    path("register/", register_views.register, name="register"),
    path("register/<int:pk>/", register_views.blad, name="blad"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/stap/<slug:naam>/", views.stap, name="stap"),
]
