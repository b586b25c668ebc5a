"""URLs of the ouderportaal [issue 17], namespace "ouders", under /ouders/ (config/urls.py).
Object ids only; each one 404s outside the ouder's own children (selectors.kinderen_van)."""

from django.urls import path

from cases.ouderportaal.views import inbreng, ondertekenen, portaal, toegang, toestemming

app_name = "ouders"

urlpatterns = [
    path("", portaal.start, name="start"),
    path("kind/<int:pk>/", portaal.kind, name="kind"),
    path("opp/<int:pk>/", portaal.opp, name="opp"),
    path("opp/<int:pk>/ondertekenen/", ondertekenen.opp_ondertekenen, name="opp_ondertekenen"),
    path("opp/<int:pk>/zienswijze/", ondertekenen.opp_zienswijze, name="opp_zienswijze"),
    path("verslag/<int:pk>/", portaal.verslag, name="verslag"),
    path("brief/<int:pk>/", portaal.brief, name="brief"),
    path("brief/<int:pk>/bezwaar/", inbreng.bezwaar, name="bezwaar"),
    path("kind/<int:pk>/documenten/", inbreng.documenten, name="documenten"),
    path("kind/<int:pk>/toestemming/", toestemming.toestemming, name="toestemming"),
    path("toestemming/<int:pk>/intrekken/", toestemming.intrekken, name="toestemming_intrekken"),
    path("uitnodiging/<str:token>/", toegang.uitnodiging, name="uitnodiging"),
]
