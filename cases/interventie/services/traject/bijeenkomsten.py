"""Meetings of the interventieteam and the agreements made there [000; 003, leerpunt 7]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases import workflow
from cases.interventie.models.traject import (
    BijeenkomstStatus,
    InterventieAfspraak,
    InterventieBijeenkomst,
    Interventietraject,
    is_bestuurder_van,
    is_schoolteam_van,
)
from cases.interventie.services.traject.levensloop import _niet_afgesloten, open_termijn
from cases.models import Rol
from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.termijnen import services as termijn_svc
from cases.workflow import vergrendel

# --- meetings ---------------------------------------------------------------------------------

BIJEENKOMST_VELDEN = (
    "datum",
    "tijd",
    "locatie",
    "agenda",
    "agenda_verstuurd_op",
    "deelnemers",
    "ouders_geinformeerd_op",
    "aanwezig_directeur",
    "aanwezig_ib",
    "aanwezig_leerkracht",
    "aanwezig_ouders",
    "afwezigheid_toelichting",
    "overige_aanwezigen",
    "verslag",
    "advies_setting",
    "advies_vervolg",
)


def _controleer_schoolteam(traject, door) -> None:
    if not is_schoolteam_van(traject.school_id, door):
        raise PermissionDenied(
            "De directeur (casusmanager) en de intern begeleider van de school plannen en verslaan de bijeenkomsten [000]."  # noqa: E501
        )


def _controleer_bijeenkomst_data(velden: dict) -> None:
    fouten = {}
    datum = velden.get("datum")
    for veld, tekst in (
        ("agenda_verstuurd_op", "De agenda"),
        ("ouders_geinformeerd_op", "Het informeren van de ouders"),
    ):
        d = velden.get(veld)
        if d and datum and d > datum:
            fouten[veld] = f"{tekst} hoort vóór de bijeenkomst te gebeuren [000; 003]; deze datum ligt erna."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def plan_bijeenkomst(*, traject: Interventietraject, door, request=None, **velden) -> InterventieBijeenkomst:
    traject = vergrendel(traject)
    _niet_afgesloten(traject)
    _controleer_schoolteam(traject, door)
    onbekend = set(velden) - set(BIJEENKOMST_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    if not velden.get("datum"):
        raise ValidationError({"datum": "Vul de datum van de bijeenkomst in."})
    if velden["datum"] < traject.gemeld_op:
        raise ValidationError({"datum": "Een bijeenkomst ligt niet vóór de melding."})
    _controleer_bijeenkomst_data(velden)
    b = InterventieBijeenkomst.objects.create(traject=traject, **velden)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=b,
        leerling=traject.leerling,
        omschrijving="Bijeenkomst interventieteam gepland",
    )
    return b


@transaction.atomic
def werk_bijeenkomst_bij(
    *, bijeenkomst: InterventieBijeenkomst, door, request=None, **velden
) -> InterventieBijeenkomst:
    b = InterventieBijeenkomst.objects.select_for_update().select_related("traject").get(pk=bijeenkomst.pk)
    _niet_afgesloten(b.traject)
    _controleer_schoolteam(b.traject, door)
    if b.status == BijeenkomstStatus.GEHOUDEN:
        raise ValidationError("Deze bijeenkomst is als gehouden vastgelegd en wordt niet meer gewijzigd.")
    onbekend = set(velden) - set(BIJEENKOMST_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    for k, v in velden.items():
        setattr(b, k, v)
    _controleer_bijeenkomst_data({f: getattr(b, f) for f in BIJEENKOMST_VELDEN})
    if b.datum < b.traject.gemeld_op:
        raise ValidationError({"datum": "Een bijeenkomst ligt niet vóór de melding."})
    b.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=b,
        leerling=b.traject.leerling,
        omschrijving="Bijeenkomst interventieteam bijgewerkt",
    )
    return b


@transaction.atomic
def houd_bijeenkomst(*, bijeenkomst: InterventieBijeenkomst, door, request=None) -> InterventieBijeenkomst:
    """Mark held: only with agenda, ouders informed beforehand about who attends, directeur and
    IB'er present, leerkracht/ouders present or their absence explained, and a verslag [000; 003]."""
    b = InterventieBijeenkomst.objects.select_for_update().select_related("traject").get(pk=bijeenkomst.pk)
    _niet_afgesloten(b.traject)
    workflow.voer_overgang_uit(
        b,
        "houd",
        door=door,
        request=request,
        vergrendelen=False,
        na=lambda b, van: InterventieBijeenkomst.objects.filter(pk=b.pk).update(
            gehouden_vastgelegd_door=door
        ),
        leerling=b.traject.leerling,
        omschrijving="Bijeenkomst interventieteam als gehouden vastgelegd",
    )
    eerder = b.traject.bijeenkomsten.filter(status=BijeenkomstStatus.GEHOUDEN).exclude(pk=b.pk).exists()
    termijn = None if eerder else open_termijn(b.traject)
    if termijn is not None:
        termijn_svc.voldaan(
            termijn=termijn, op=b.datum, reden="Eerste bijeenkomst gehouden", door=door, request=request
        )
    return b


# --- agreements [003, leerpunt 7] -----------------------------------------------------------------


def _heeft_rol_in_swv(gebruiker, swv_id) -> bool:
    return Rol.objects.filter(gebruiker=gebruiker, swv_id=swv_id, actief=True).exists()


@transaction.atomic
def voeg_afspraak_toe(
    *,
    traject: Interventietraject,
    door,
    wat: str,
    uiterlijk: date | None,
    bewaker,
    eigenaar=None,
    eigenaar_naam: str = "",
    bijeenkomst: InterventieBijeenkomst | None = None,
    request=None,
) -> InterventieAfspraak:
    """A written agreement: wat, wie, uiterlijk wanneer — all required — and who guards it [003; 000]."""
    traject = vergrendel(traject)
    _niet_afgesloten(traject)
    if not (is_schoolteam_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)):
        raise PermissionDenied(
            "Afspraken legt de casusmanager, de IB'er of de directeur van het SWV vast [000]."
        )
    fouten = {}
    if not (wat or "").strip():
        fouten["wat"] = "Beschrijf wat er is afgesproken."
    if eigenaar is None and not (eigenaar_naam or "").strip():
        fouten["eigenaar"] = (
            "Wie voert de afspraak uit? Kies een gebruiker of vul een naam in [003, leerpunt 7]."
        )
    elif eigenaar is not None and not _heeft_rol_in_swv(eigenaar, traject.swv_id):
        fouten["eigenaar"] = "Deze gebruiker heeft geen rol in dit samenwerkingsverband; vul dan een naam in."
    if uiterlijk is None:
        fouten["uiterlijk"] = "Vul in wanneer de afspraak uiterlijk is nagekomen [003, leerpunt 7]."
    if bewaker is None:
        fouten["bewaker"] = "Kies wie de afspraak bewaakt [000]."
    elif not _heeft_rol_in_swv(bewaker, traject.swv_id):
        fouten["bewaker"] = "De bewaker heeft geen rol in dit samenwerkingsverband."
    if bijeenkomst is not None and bijeenkomst.traject_id != traject.pk:
        fouten["bijeenkomst"] = "Deze bijeenkomst hoort bij een ander traject."
    if fouten:
        raise ValidationError(fouten)
    afspraak = InterventieAfspraak.objects.create(
        traject=traject,
        bijeenkomst=bijeenkomst,
        wat=wat.strip(),
        eigenaar=eigenaar,
        eigenaar_naam="" if eigenaar is not None else eigenaar_naam.strip(),
        uiterlijk=uiterlijk,
        bewaker=bewaker,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=afspraak,
        leerling=traject.leerling,
        omschrijving="Afspraak interventietraject vastgelegd",
    )
    return afspraak


@transaction.atomic
def rond_afspraak_af(
    *, afspraak: InterventieAfspraak, door, op: date | None = None, request=None
) -> InterventieAfspraak:
    a = InterventieAfspraak.objects.select_for_update().select_related("traject").get(pk=afspraak.pk)
    if a.afgerond_op is not None:
        raise ValidationError("Deze afspraak is al afgerond.")
    traject = a.traject
    if door.pk not in (a.eigenaar_id, a.bewaker_id) and not (
        is_schoolteam_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)
    ):
        raise PermissionDenied(
            "Alleen wie de afspraak uitvoert of bewaakt, of de casusmanager, rondt haar af."
        )
    a.afgerond_op = op or timezone.localdate()
    a.save(update_fields=["afgerond_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=a,
        leerling=traject.leerling,
        omschrijving="Afspraak interventietraject afgerond",
    )
    return a
