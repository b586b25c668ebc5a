"""Giving and withdrawing consent [issue 17 'Give or withdraw consent where the seeds ask it'].

An ouder with gezag gives or withdraws a consent for his child in the portal; the child's school
(IB'er, directeur), the SC of its regio and the SWV bureau record a consent given or withdrawn on
paper (`mag_toestemming_vastleggen`). Withdrawing never deletes: it stamps `ingetrokken_op`.
Every change is audited; the reads are audited by the views."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.models.leerling import Leerling, Ouder
from cases.models.rollen import REGIOGEBONDEN, RolSoort
from cases.ouderportaal import selectors
from cases.ouderportaal.models.toestemming import (
    ONDERWERPEN,
    Toestemming,
    ToestemmingOnderwerp,
    ToestemmingVia,
)
from cases.ouderportaal.services.toegang import mag_uitnodigen
from cases.scope import scope_for
from cases.services.audit import log


def mag_toestemming_vastleggen(user, leerling: Leerling) -> bool:
    """The IB'er/directeur of the child's school, the SWV bureau of its SWV, or the SC of the regio
    of the child's school [issue 17]."""
    if mag_uitnodigen(user, leerling):
        return True
    school = leerling.huidige_school
    if school is None or not school.regio_id:
        return False
    return any(
        r.soort == RolSoort.SC and r.soort in REGIOGEBONDEN and r.regio_id == school.regio_id
        for r in scope_for(user).rollen
    )


def eis_vastlegrecht(user, leerling: Leerling) -> None:
    if not mag_toestemming_vastleggen(user, leerling):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school van de leerling, de "
            "steunpuntcoördinator of het bureau van het samenwerkingsverband legt een toestemming op "
            "papier vast."
        )


def _controleer(ouder: Ouder, onderwerp: str, scope: str, toelichting: str) -> tuple[str, str]:
    if onderwerp not in ToestemmingOnderwerp.values:
        raise ValidationError("Kies waarvoor u toestemming geeft.")
    if not ouder.gezag:
        raise ValidationError(
            f"{ouder.naam} heeft geen gezag. Alleen een ouder of voogd met gezag geeft toestemming."
        )
    scope, toelichting = (scope or "").strip(), (toelichting or "").strip()
    info = ONDERWERPEN[onderwerp]
    if not info.scope_vraag:
        scope = ""
    elif info.scope_verplicht and not scope:
        raise ValidationError(f"Vul in: {info.scope_vraag.lower()}")
    if len(scope) > 200:
        raise ValidationError("Vul bij 'voor wie' hoogstens 200 tekens in.")
    if len(toelichting) > 2000:
        raise ValidationError("De toelichting is te lang: hoogstens 2000 tekens.")
    dubbel = Toestemming.objects.geldig().filter(leerling_id=ouder.leerling_id, onderwerp=onderwerp)
    if any(t.scope.strip().lower() == scope.lower() for t in dubbel):
        raise ValidationError("Deze toestemming staat al. U ziet hem bij 'Toestemming die nu geldt'.")
    return scope, toelichting


def _geef(*, ouder, onderwerp, scope, toelichting, via, door, gegeven_op, request) -> Toestemming:
    scope, toelichting = _controleer(ouder, onderwerp, scope, toelichting)
    t = Toestemming.objects.create(
        leerling=ouder.leerling,
        ouder=ouder,
        onderwerp=onderwerp,
        scope=scope,
        toelichting=toelichting,
        via=via,
        gegeven_op=gegeven_op,
        vastgelegd_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=t,
        leerling=ouder.leerling,
        omschrijving=f"toestemming gegeven ({t.get_via_display()}): {t.get_onderwerp_display()}"
        + (f" – {scope}" if scope else ""),
    )
    return t


@transaction.atomic
def geef_in_portaal(
    *, user, kind: Leerling, onderwerp: str, scope: str = "", toelichting: str = "", request=None
):
    """The logged-in ouder gives consent for his own child (404 for any other child)."""
    kind = selectors.kind_van(user, kind.pk)
    ouders = selectors.ouders_van(user, kind)
    ouder = Ouder.objects.select_for_update(of=("self",)).select_related("leerling").get(pk=ouders[0].pk)
    return _geef(
        ouder=ouder,
        onderwerp=onderwerp,
        scope=scope,
        toelichting=toelichting,
        via=ToestemmingVia.PORTAAL,
        door=user,
        gegeven_op=timezone.now(),
        request=request,
    )


@transaction.atomic
def leg_papier_vast(
    *,
    door,
    ouder: Ouder,
    onderwerp: str,
    getekend_op: date,
    scope: str = "",
    toelichting: str = "",
    request=None,
):
    """Staff record a consent an ouder signed on paper, on the day it was signed."""
    ouder = (
        Ouder.objects.select_for_update(of=("self",))
        .select_related("leerling__huidige_school")
        .get(pk=ouder.pk)
    )
    eis_vastlegrecht(door, ouder.leerling)
    if getekend_op is None or getekend_op > timezone.localdate():
        raise ValidationError("Vul de datum in waarop de ouder tekende. Die ligt niet in de toekomst.")
    gegeven_op = timezone.make_aware(datetime.combine(getekend_op, time(12)))
    return _geef(
        ouder=ouder,
        onderwerp=onderwerp,
        scope=scope,
        toelichting=toelichting,
        via=ToestemmingVia.PAPIER,
        door=door,
        gegeven_op=gegeven_op,
        request=request,
    )


def _trek_in(t: Toestemming, *, door, hoe: str, request) -> Toestemming:
    if t.ingetrokken_op is not None:
        raise ValidationError(
            f"Deze toestemming is al ingetrokken op {timezone.localtime(t.ingetrokken_op):%d-%m-%Y}."
        )
    t.ingetrokken_op = timezone.now()
    t.ingetrokken_door = door
    t.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=t,
        leerling=t.leerling,
        omschrijving=f"toestemming ingetrokken ({hoe}): {t.get_onderwerp_display()}"
        + (f" – {t.scope}" if t.scope else ""),
    )
    return t


@transaction.atomic
def trek_in_portaal(*, user, pk: int, request=None) -> Toestemming:
    """An ouder with gezag withdraws a consent for his child (404 for another family's)."""
    kinderen = [k.pk for k in selectors.kinderen_van(user)]
    t = (
        Toestemming.objects.select_for_update(of=("self",))
        .select_related("leerling")
        .filter(pk=pk, leerling_id__in=kinderen)
        .first()
    )
    if t is None:
        raise Http404("Deze toestemming hoort niet bij uw account.")
    return _trek_in(t, door=user, hoe=ToestemmingVia.PORTAAL.label, request=request)


@transaction.atomic
def trek_in_papier(*, door, toestemming: Toestemming, request=None) -> Toestemming:
    """Staff record a withdrawal the ouder made on paper (or by phone, then confirmed in writing)."""
    t = (
        Toestemming.objects.select_for_update(of=("self",))
        .select_related("leerling__huidige_school")
        .get(pk=toestemming.pk)
    )
    eis_vastlegrecht(door, t.leerling)
    return _trek_in(t, door=door, hoe="op papier", request=request)
