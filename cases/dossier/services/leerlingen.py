"""Writes on leerlingen and their ouders/verzorgers, with the audit log [issue 3, domain §2].

Who may write: the IB'er and the directeur of the school where the pupil is enrolled now
(`mag_dossier_bewerken`). Enrolments go through cases/services/inschrijving.py, the one write
path that keeps Leerling.huidige_school in step. No BSN in any audit text."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from cases.models import Leerling, Ouder, School
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING
from cases.scope import scope_for
from cases.services import inschrijving
from cases.services.audit import log

LEERLING_VELDEN = (
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "woonplaats",
    "gemeente",
    "thuistaal",
)
OUDER_VELDEN = (
    "naam",
    "relatie",
    "gezag",
    "ontvangt_brieven",
    "adres",
    "postcode_plaats",
    "telefoon",
    "email",
)
SCHRIJVERS = SCHOOLLEIDING


def mag_dossier_bewerken(user, leerling: Leerling) -> bool:
    """IB'er or directeur of the school where the pupil is enrolled now [domain §2]."""
    scope = scope_for(user)
    if scope.alles:
        return True
    return scope.heeft(*SCHRIJVERS) and leerling.huidige_school_id in scope.school_ids


def eis_bewerkrecht(user, leerling: Leerling) -> None:
    if not mag_dossier_bewerken(user, leerling):
        raise PermissionDenied(
            "Alleen de intern begeleider of de directeur van de school van deze leerling kan dit "
            "dossier bijwerken."
        )


def _controleer_bsn_uniek(*, swv_id: int, bsn: str, behalve: int | None = None) -> None:
    if not bsn:
        return
    qs = Leerling.objects.filter(swv_id=swv_id, bsn=bsn)
    if behalve:
        qs = qs.exclude(pk=behalve)
    if qs.exists():
        raise ValidationError(
            {
                "bsn": "Er is in dit samenwerkingsverband al een dossier met dit BSN of onderwijsnummer. "
                "Vraag de vorige school of het samenwerkingsverband om de inschrijving over te zetten."
            }
        )


@transaction.atomic
def maak_leerling(
    *, door, request=None, gegevens: dict, bsn: str = "", school: School, groep: int | None, van: date
) -> Leerling:
    """A new dossier, enrolled at `school` (one of the user's own schools) from `van`."""
    scope = scope_for(door)
    if not (scope.alles or (scope.heeft(*SCHRIJVERS) and school.pk in scope.school_ids)):
        raise PermissionDenied("U kunt alleen leerlingen van uw eigen school inschrijven.")
    _controleer_bsn_uniek(swv_id=school.swv_id, bsn=bsn)
    leerling = Leerling(
        swv_id=school.swv_id, bsn=bsn, **{k: gegevens.get(k) for k in LEERLING_VELDEN if k in gegevens}
    )
    if leerling.gemeente_id and leerling.gemeente.swv_id != school.swv_id:
        raise ValidationError({"gemeente": "Deze gemeente hoort bij een ander samenwerkingsverband."})
    leerling.full_clean(exclude=["swv"])
    leerling.save()
    inschrijving.schrijf_in(leerling=leerling, school=school, groep=groep, van=van)
    leerling.refresh_from_db()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=leerling,
        leerling=leerling,
        omschrijving="dossier aangemaakt",
    )
    return leerling


@transaction.atomic
def wijzig_leerling(
    *, leerling: Leerling, door, request=None, gegevens: dict, bsn: str | None = None
) -> Leerling:
    """`bsn=None` keeps the stored number; "" removes it (the form never shows it unmasked)."""
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    eis_bewerkrecht(door, leerling)
    gewijzigd = []
    for veld in LEERLING_VELDEN:
        if veld in gegevens and getattr(leerling, veld) != gegevens[veld]:
            setattr(leerling, veld, gegevens[veld])
            gewijzigd.append(veld)
    if bsn is not None and bsn != leerling.bsn:
        _controleer_bsn_uniek(swv_id=leerling.swv_id, bsn=bsn, behalve=leerling.pk)
        leerling.bsn = bsn
        gewijzigd.append("bsn")
    if leerling.gemeente_id and leerling.gemeente.swv_id != leerling.swv_id:
        raise ValidationError({"gemeente": "Deze gemeente hoort bij een ander samenwerkingsverband."})
    leerling.full_clean()
    if gewijzigd:
        leerling.save(update_fields=gewijzigd)
        namen = ", ".join(
            "BSN" if v == "bsn" else Leerling._meta.get_field(v).verbose_name for v in gewijzigd
        )
        log(
            actie=AuditActie.GEWIJZIGD,
            request=request,
            user=door,
            obj=leerling,
            leerling=leerling,
            omschrijving=f"gegevens gewijzigd: {namen}"[:300],
        )
    return leerling


@transaction.atomic
def bewaar_ouder(
    *, leerling: Leerling, door, request=None, gegevens: dict, ouder: Ouder | None = None
) -> Ouder:
    eis_bewerkrecht(door, leerling)
    nieuw = ouder is None
    if nieuw:
        ouder = Ouder(leerling=leerling)
    elif ouder.leerling_id != leerling.pk:
        raise PermissionDenied("Deze ouder hoort bij een andere leerling.")
    for veld in OUDER_VELDEN:
        if veld in gegevens:
            setattr(ouder, veld, gegevens[veld])
    ouder.full_clean()
    ouder.save()
    log(
        actie=AuditActie.AANGEMAAKT if nieuw else AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=ouder,
        leerling=leerling,
        omschrijving="ouder/verzorger toegevoegd" if nieuw else "ouder/verzorger gewijzigd",
    )
    return ouder


@transaction.atomic
def schrijf_leerling_in(
    *, leerling: Leerling, door, request=None, school: School, groep: int | None, van: date
) -> None:
    """A new enrolment (another groep, or another school in the SWV). The former school loses
    access from then on; the history stays in the dossier [issue 3]."""
    eis_bewerkrecht(door, leerling)
    inschrijving.schrijf_in(leerling=leerling, school=school, groep=groep, van=van)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=leerling,
        leerling=leerling,
        omschrijving=f"ingeschreven op {school.naam}, groep {groep or '-'}, vanaf {van:%d-%m-%Y}"[:300],
    )


@transaction.atomic
def schrijf_leerling_uit(*, leerling: Leerling, door, request=None, tot: date) -> None:
    eis_bewerkrecht(door, leerling)
    inschrijving.schrijf_uit(leerling=leerling, tot=tot)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=leerling,
        leerling=leerling,
        omschrijving=f"uitgeschreven per {tot:%d-%m-%Y}",
    )
