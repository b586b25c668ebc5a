"""URLs of the deadline engine's pages, included under /termijnen/ by cases/urls.py [issue 4]."""

from django.urls import path

from cases.termijnen import lopend
from cases.termijnen import views as termijnen

app_name = "termijnen"

urlpatterns = [
    path("calculator/", termijnen.calculator, name="calculator"),
    path("lopend/", lopend.lopend, name="lopend"),
    path("meldingen/", termijnen.meldingen, name="meldingen"),
    path("meldingen/<int:pk>/gelezen/", termijnen.melding_gelezen, name="melding_gelezen"),
    path("meldingen/alles-gelezen/", termijnen.alles_gelezen, name="alles_gelezen"),
    path("agenda/", termijnen.agenda, name="agenda"),
    path("agenda/nieuw/", termijnen.agenda_nieuw, name="agenda_nieuw"),
    path("agenda/intrekken/", termijnen.agenda_intrekken, name="agenda_intrekken"),
    path("agenda/<str:sleutel>.ics", termijnen.agenda_feed, name="agenda_feed"),
]
