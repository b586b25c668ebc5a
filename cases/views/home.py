from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from cases.models import Regio, School
from cases.navigatie import Paneel, panelen_voor
from cases.scope import scope_for
from cases.services.audit import lijst_gelogd


@login_required
@lijst_gelogd("Mijn werk")
def home(request):
    """Mijn werk: the user's scope, then whatever the apps say needs attention."""
    return render(request, "cases/home.html", {"panelen": panelen_voor(request.user)})


def werkgebied(user, scope) -> Paneel:
    """Where the user's roles reach, in the users' words."""
    scholen = School.objects.filter_for_user(user).select_related("regio", "gemeente").order_by("naam")
    regios = (
        Regio.objects.filter_for_user(user)
        .filter(pk__in=scholen.values("regio_id"))
        .annotate(aantal_scholen=Count("scholen"))
        .order_by("naam")
    )
    return Paneel(
        titel="Uw werkgebied",
        template="cases/panelen/werkgebied.html",
        context={
            "rollen": scope.rollen,
            "scholen": list(scholen[:50]),
            "aantal_scholen": scholen.count(),
            "regios": list(regios),
            "alles": scope.alles,
        },
        volgorde=100,
    )


__all__ = ["home", "werkgebied", "scope_for"]
