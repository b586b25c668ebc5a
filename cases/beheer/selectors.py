"""What the beheerder sees: only rows of the SWV's where he holds the beheerder role [issue 14].

Every queryset starts from the model's own `filter_for_user` and is then narrowed to the beheer-SWV's,
so a beheerder who also works elsewhere (an IB role in SWV B) never manages SWV B. Superusers are
never listed: the beheerder cannot touch them."""

from __future__ import annotations

from django.db.models import Prefetch

from cases.models import Gebruiker, Gemeente, Regio, Rol, Samenwerkingsverband, School, Schoolbestuur
from cases.models.rollen import RolSoort
from cases.scope import scope_for


def beheer_swv_ids(user) -> frozenset[int] | None:
    """The SWV's `user` manages; None for the superuser (all of them)."""
    scope = scope_for(user)
    if scope.alles:
        return None
    return frozenset(r.swv_id for r in scope.rollen if r.soort == RolSoort.BEHEERDER)


def _beperk(qs, user, veld: str = "swv_id"):
    ids = beheer_swv_ids(user)
    return qs if ids is None else qs.filter(**{f"{veld}__in": ids})


def swvs(user):
    return _beperk(Samenwerkingsverband.objects.all(), user, "pk")


def scholen(user):
    return _beperk(School.objects.filter_for_user(user), user).select_related(
        "swv", "regio", "gemeente", "bestuur"
    )


def besturen(user):
    return _beperk(Schoolbestuur.objects.filter_for_user(user), user)


def regios(user):
    return _beperk(Regio.objects.filter_for_user(user), user)


def gemeenten(user):
    return _beperk(Gemeente.objects.filter_for_user(user), user)


def rollen(user):
    """Roles in the beheer-SWV's, never of a superuser."""
    return _beperk(Rol.objects.filter_for_user(user), user).filter(gebruiker__is_superuser=False)


def gebruikers(user):
    """Users with at least one role (active or not) in a beheer-SWV; never a superuser. Each comes
    with `beheer_rollen`: only his roles in those SWV's."""
    eigen = rollen(user).select_related("swv", "school", "regio", "gemeente")
    pks = rollen(user).values("gebruiker_id")
    return (
        Gebruiker.objects.filter(pk__in=pks, is_superuser=False)
        .prefetch_related(Prefetch("rollen", queryset=eigen, to_attr="beheer_rollen"))
        .order_by("last_name", "first_name", "username")
    )


def werkt_ook_elders(user, gebruiker: Gebruiker) -> bool:
    """Whether `gebruiker` has a role outside the SWV's `user` manages: then his account (name,
    e-mail, username, active) belongs to more than this SWV and stays read-only here."""
    ids = beheer_swv_ids(user)
    if ids is None:
        return False
    return Rol.objects.filter(gebruiker=gebruiker).exclude(swv_id__in=ids).exists()


def deskundigen(user, discipline: str = ""):
    qs = rollen(user).filter(soort=RolSoort.DESKUNDIGE).select_related("gebruiker", "swv")
    if discipline:
        qs = qs.filter(discipline=discipline)
    return qs.order_by("discipline", "gebruiker__last_name", "gebruiker__first_name")
