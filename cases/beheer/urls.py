"""URLs of the beheerder's pages under /beheer/ [issue 14]; Django's admin is at /systeembeheer/."""

from django.urls import path

from cases.beheer import views

app_name = "beheer"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gebruikers/", views.gebruiker_lijst, name="gebruikers"),
    path("gebruikers/nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("gebruikers/<int:pk>/", views.gebruiker_wijzigen, name="gebruiker_wijzigen"),
    path("gebruikers/<int:pk>/rollen/nieuw/", views.rol_bewerken, name="rol_nieuw"),
    path("gebruikers/<int:pk>/rollen/<int:rol_pk>/", views.rol_bewerken, name="rol_wijzigen"),
    path("deskundigen/", views.deskundigen, name="deskundigen"),
]

# scholen, besturen, regios, gemeenten: a list, a new one, and one to change, each.
for slug in views.ORGANISATIES:
    urlpatterns += [
        path(f"{slug}/", views.organisatie_lijst, {"soort": slug}, name=slug),
        path(f"{slug}/nieuw/", views.organisatie_bewerken, {"soort": slug}, name=f"{slug}_nieuw"),
        path(f"{slug}/<int:pk>/", views.organisatie_bewerken, {"soort": slug}, name=f"{slug}_wijzigen"),
    ]
