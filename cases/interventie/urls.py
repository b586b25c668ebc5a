"""URLs of the interventietraject and the arrangementen [issue 7]; included from cases/urls.py."""

from django.urls import path

from cases.interventie.views import arrangementen
from cases.interventie.views import traject as interventie

urlpatterns = [
    path("interventie/", interventie.lijst, name="interventie_lijst"),
    path("interventie/aanmelden/", interventie.aanmelden, name="interventie_aanmelden"),
    path("interventie/afgesloten/", interventie.overzicht, name="interventie_overzicht"),
    path("interventie/<int:pk>/", interventie.detail, name="interventie_detail"),
    path("interventie/<int:pk>/criteria/", interventie.criteria, name="interventie_criteria"),
    path("interventie/<int:pk>/team/", interventie.team, name="interventie_team"),
    path("interventie/<int:pk>/stap/<slug:naam>/", interventie.overgang, name="interventie_overgang"),
    path(
        "interventie/<int:pk>/bijeenkomst/nieuw/",
        interventie.bijeenkomst_nieuw,
        name="interventie_bijeenkomst_nieuw",
    ),
    path(
        "interventie/<int:pk>/plaatsing/nieuw/",
        interventie.plaatsing_nieuw,
        name="interventie_plaatsing_nieuw",
    ),
    path("interventie/<int:pk>/evaluatie/", interventie.evaluatie, name="interventie_evaluatie"),
    path(
        "interventie/teamlid/<int:pk>/verwijderen/",
        interventie.teamlid_verwijderen,
        name="interventie_teamlid_verwijderen",
    ),
    path("interventie/bijeenkomst/<int:pk>/", interventie.bijeenkomst, name="interventie_bijeenkomst"),
    path(
        "interventie/bijeenkomst/<int:pk>/gehouden/",
        interventie.bijeenkomst_gehouden,
        name="interventie_bijeenkomst_gehouden",
    ),
    path(
        "interventie/bijeenkomst/<int:pk>/afspraak/",
        interventie.afspraak_nieuw,
        name="interventie_afspraak_nieuw",
    ),
    path(
        "interventie/afspraak/<int:pk>/afgerond/",
        interventie.afspraak_afgerond,
        name="interventie_afspraak_afgerond",
    ),
    path(
        "interventie/plaatsing/<int:pk>/beeindigen/",
        interventie.plaatsing_beeindigen,
        name="interventie_plaatsing_beeindigen",
    ),
    path(
        "interventie/plaatsing/<int:pk>/definitief/",
        interventie.plaatsing_definitief,
        name="interventie_plaatsing_definitief",
    ),
    path("arrangementen/", arrangementen.lijst, name="arrangement_lijst"),
    path("arrangementen/nieuw/", arrangementen.nieuw, name="arrangement_nieuw"),
    path("arrangementen/budget/", arrangementen.budget, name="arrangement_budget"),
    path("arrangementen/<int:pk>/", arrangementen.detail, name="arrangement_detail"),
    path("arrangementen/<int:pk>/einde/", arrangementen.wijzigen, name="arrangement_wijzigen"),
]
