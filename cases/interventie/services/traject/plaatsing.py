"""The plaatsingsstroom: register, end or make definitive a placement [000]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from cases.interventie.models.traject import (
    InterventiePlaatsing,
    Interventietraject,
    PlaatsingStap,
    PlaatsingUitkomst,
    TrajectStatus,
    is_bestuurder_van,
    is_directeur_van,
)
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.services.audit import log
from cases.services.inschrijving import schrijf_in
from cases.workflow import vergrendel

# --- plaatsingsstroom [000] -----------------------------------------------------------------------


def _controleer_plaatsing_rechten(traject, door) -> None:
    if not (is_directeur_van(traject.school_id, door) or is_bestuurder_van(traject.swv_id, door)):
        raise PermissionDenied(
            "Plaatsingen legt de casusmanager (directeur van de school) of de directeur van het SWV vast [000]."  # noqa: E501
        )


def ontbrekende_stappen(traject: Interventietraject, stap: int) -> list[int]:
    """Steps before `stap` that were neither tried nor skipped (each needs a reason to skip)."""
    gehad = set(traject.plaatsingen.values_list("stap", flat=True))
    return [s for s in range(1, stap) if s not in gehad]


def _controleer_school_voor_stap(traject, stap: int, school) -> dict[str, str]:
    herkomst = traject.school
    fouten: dict[str, str] = {}
    if stap in (PlaatsingStap.ZELFDE_KLAS, PlaatsingStap.ANDERE_KLAS):
        if school is not None and school.pk != herkomst.pk:
            fouten["school"] = "Bij deze stap blijft de leerling op de eigen school [000]."
        return fouten
    if stap in (PlaatsingStap.ZELFDE_BESTUUR, PlaatsingStap.BINNEN_SWV, PlaatsingStap.SO) and school is None:
        return {"school": "Kies de ontvangende school."}
    if school is None:
        return fouten
    if school.swv_id != traject.swv_id:
        fouten["school"] = "De ontvangende school hoort bij een ander samenwerkingsverband."
    elif school.pk == herkomst.pk:
        fouten["school"] = (
            "Bij deze stap gaat de leerling naar een andere school dan de school van herkomst [000]."
        )
    elif stap == PlaatsingStap.ZELFDE_BESTUUR and school.bestuur_id != herkomst.bestuur_id:
        fouten["school"] = (
            "Stap 3 is een andere school van hetzelfde bestuur; deze school hoort bij een ander bestuur (stap 4)."  # noqa: E501
        )
    elif stap == PlaatsingStap.BINNEN_SWV and school.bestuur_id == herkomst.bestuur_id:
        fouten["school"] = "Deze school hoort bij hetzelfde bestuur: dat is stap 3 van de plaatsingsstroom."
    elif stap == PlaatsingStap.SO and school.soort != SchoolSoort.SO:
        fouten["school"] = "Stap 6 is plaatsing op een school voor speciaal onderwijs (so)."
    return fouten


@transaction.atomic
def registreer_plaatsing(
    *,
    traject: Interventietraject,
    door,
    stap: int,
    setting: str,
    doel: str,
    startdatum: date | None,
    einddatum: date | None,
    middelen: str,
    akkoord_ontvangende_school: bool,
    akkoord_door: str = "",
    akkoord_op: date | None = None,
    school=None,
    redenen_overslaan: dict[int, str] | None = None,
    request=None,
) -> InterventiePlaatsing:
    """A placement at step `stap`. The steps go in seed 000's order: every earlier step that was not
    tried is recorded as skipped, and skipping needs a reason. Setting, doel, duur, middelen and
    the receiving school's agreement are recorded; the pupil stays enrolled at the school of origin."""
    traject = vergrendel(traject)
    _controleer_plaatsing_rechten(traject, door)
    if traject.status not in (TrajectStatus.TEAM_SAMENGESTELD, TrajectStatus.LOPEND):
        raise ValidationError(
            "Een plaatsing wordt vastgelegd zodra het team is samengesteld en zolang het traject loopt."
        )
    if stap not in PlaatsingStap.values:
        raise ValidationError({"stap": "Kies een stap van de plaatsingsstroom."})
    lopend = traject.plaatsingen.filter(uitkomst=PlaatsingUitkomst.LOPEND).first()
    if lopend is not None:
        raise ValidationError(
            f"Er loopt nog een plaatsing (stap {lopend.stap}: {lopend.get_stap_display()}). Leg eerst de uitkomst daarvan vast."  # noqa: E501
        )
    redenen_overslaan = redenen_overslaan or {}
    fouten: dict[str, str] = {}
    zonder_reden = [
        s for s in ontbrekende_stappen(traject, stap) if not (redenen_overslaan.get(s) or "").strip()
    ]
    if zonder_reden:
        namen = "; ".join(f"stap {s} ({PlaatsingStap(s).label})" for s in zonder_reden)
        fouten["redenen_overslaan"] = (
            f"De plaatsingsstroom gaat op volgorde [000]. Geef een reden om over te slaan: {namen}."
        )
        for s in zonder_reden:
            fouten[f"reden_stap_{s}"] = (
                f"Stap {s} is niet geprobeerd: geef een reden om deze over te slaan [000]."
            )
    fouten.update(_controleer_school_voor_stap(traject, stap, school))
    for veld, waarde, tekst in (
        ("setting", setting, "Beschrijf de setting."),
        ("doel", doel, "Beschrijf het doel van de plaatsing [000]."),
        (
            "middelen",
            middelen,
            "Beschrijf de middelen die ermee gemoeid zijn (of 'geen extra middelen') [000].",
        ),
    ):
        if not (waarde or "").strip():
            fouten[veld] = tekst
    if startdatum is None:
        fouten["startdatum"] = "Vul de startdatum in."
    if einddatum is None:
        fouten["einddatum"] = "Vul de einddatum in: de duur van de plaatsing wordt vooraf afgesproken [000]."
    elif startdatum is not None and einddatum < startdatum:
        fouten["einddatum"] = "De einddatum ligt vóór de startdatum."
    if not akkoord_ontvangende_school:
        fouten["akkoord_ontvangende_school"] = "Een plaatsing vraagt het akkoord van de ontvangende school."
    elif not (akkoord_door or "").strip() or akkoord_op is None:
        fouten["akkoord_door"] = "Vul in wie namens de ontvangende school akkoord gaf, en wanneer."
    if fouten:
        raise ValidationError(fouten)
    for s in ontbrekende_stappen(traject, stap):
        InterventiePlaatsing.objects.create(
            traject=traject,
            stap=s,
            uitkomst=PlaatsingUitkomst.OVERGESLAGEN,
            reden_overslaan=redenen_overslaan[s].strip(),
            aangemaakt_door=door,
        )
    plaatsing = InterventiePlaatsing.objects.create(
        traject=traject,
        stap=stap,
        school=school if stap >= PlaatsingStap.ZELFDE_BESTUUR else traject.school,
        setting=setting.strip(),
        doel=doel.strip(),
        startdatum=startdatum,
        einddatum=einddatum,
        middelen=middelen.strip(),
        akkoord_ontvangende_school=True,
        akkoord_door=akkoord_door.strip(),
        akkoord_op=akkoord_op,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=plaatsing,
        leerling=traject.leerling,
        omschrijving=f"Plaatsing stap {stap} vastgelegd",
    )
    return plaatsing


def _vergrendel_plaatsing(plaatsing: InterventiePlaatsing) -> InterventiePlaatsing:
    p = vergrendel(plaatsing, select_related=("traject", "school"))
    vergrendel(p.traject)
    return p


@transaction.atomic
def beeindig_plaatsing(
    *, plaatsing: InterventiePlaatsing, door, op: date, toelichting: str, request=None
) -> InterventiePlaatsing:
    """Record the outcome of a placement that ends (tried, not continued)."""
    p = _vergrendel_plaatsing(plaatsing)
    _controleer_plaatsing_rechten(p.traject, door)
    if p.uitkomst != PlaatsingUitkomst.LOPEND:
        raise ValidationError("Deze plaatsing loopt niet meer.")
    fouten = {}
    if not (toelichting or "").strip():
        fouten["toelichting"] = "Beschrijf de uitkomst: wat ging er goed, wat niet?"
    if op is None:
        fouten["op"] = "Vul de datum in."
    elif p.startdatum and op < p.startdatum:
        fouten["op"] = "De plaatsing eindigt niet vóór haar start."
    if fouten:
        raise ValidationError(fouten)
    p.uitkomst = PlaatsingUitkomst.BEEINDIGD
    p.beeindigd_op = op
    p.uitkomst_toelichting = toelichting.strip()
    p.save(update_fields=["uitkomst", "beeindigd_op", "uitkomst_toelichting"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=p,
        leerling=p.traject.leerling,
        omschrijving=f"Plaatsing stap {p.stap} beëindigd",
    )
    return p


@transaction.atomic
def plaats_definitief(
    *,
    plaatsing: InterventiePlaatsing,
    door,
    per: date,
    groep: int | None,
    toelichting: str = "",
    request=None,
) -> InterventiePlaatsing:
    """A definitive placement: enrolled at the receiving school from `per`, unenrolled at the old
    one the day before — in one transaction with recording the outcome [000, plaatsingsstroom]."""
    p = _vergrendel_plaatsing(plaatsing)
    _controleer_plaatsing_rechten(p.traject, door)
    if p.uitkomst != PlaatsingUitkomst.LOPEND:
        raise ValidationError("Alleen een lopende plaatsing wordt definitief.")
    if p.stap < PlaatsingStap.ZELFDE_BESTUUR or p.school_id is None or p.school_id == p.traject.school_id:
        raise ValidationError(
            "Een definitieve plaatsing is een plaatsing op een andere school; bij stap 1 en 2 blijft de leerling "  # noqa: E501
            "op de eigen school ingeschreven [000]."
        )
    if per is None:
        raise ValidationError({"per": "Vul de datum van inschrijving op de ontvangende school in."})
    schrijf_in(leerling=p.traject.leerling, school=p.school, groep=groep, van=per, tlv_veld="per")
    p.uitkomst = PlaatsingUitkomst.DEFINITIEF
    p.definitief_per = per
    p.uitkomst_toelichting = (toelichting or "").strip()
    p.save(update_fields=["uitkomst", "definitief_per", "uitkomst_toelichting"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=p,
        leerling=p.traject.leerling,
        omschrijving=f"Definitieve plaatsing stap {p.stap}: ingeschreven op de ontvangende school",
    )
    return p
