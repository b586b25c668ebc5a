"""Toelating tot sbo en so: an enrolment at an sbo or so school needs a TLV of that soort (for so
with a bekostigingscategorie) that is valid on the day the enrolment starts [002 L194, L764, L787].
cases/services/inschrijving.schrijf_in asks `ontbrekende_tlv` before every enrolment, so every
route (dossier, interventietraject, zorgplicht, any import) gets the same rule and the same words."""

from __future__ import annotations

from datetime import date

from cases.models import Leerling, School
from cases.models.organisaties import SchoolSoort

VEREIST = {SchoolSoort.SBO: "sbo", SchoolSoort.SO: "so"}


def _periode(tlv) -> str:
    return f"{tlv.ingangsdatum:%d-%m-%Y} tot en met {tlv.einddatum:%d-%m-%Y}"


def ontbrekende_tlv(*, leerling: Leerling, school: School, op: date) -> str | None:
    """None when the enrolment may go ahead; otherwise the Dutch sentence naming the TLV that is
    missing. A regular school (bao) or a voorschoolse voorziening needs no TLV."""
    soort = VEREIST.get(school.soort)
    if soort is None:
        return None
    return _reden(leerling=leerling, soort=soort, waar=f"{school.naam} ({soort})", op=op)


def toelating_sbo_so(*, leerling: Leerling, op: date) -> dict[str, str | None]:
    """For the enrolment page: per schoolsoort (sbo, so) why enrolling there is not possible on
    `op`, or None when a valid TLV admits it [002 L194]."""
    return {s: _reden(leerling=leerling, soort=s, waar=f"een {s}-school", op=op) for s in ("sbo", "so")}


def _reden(*, leerling: Leerling, soort: str, waar: str, op: date) -> str | None:
    from tlv.models import TLV, TLVAanvraag
    from tlv.models.keuzes import IN_BEHANDELING, Status

    tlvs = list(TLV.objects.filter(leerling=leerling).order_by("-ingangsdatum", "-pk"))
    passend = [t for t in tlvs if t.schoolsoort == soort]
    geldig = [t for t in passend if t.geldig_op(op)]
    if soort == "so":
        if any(t.categorie for t in geldig):
            return None
    elif geldig:
        return None

    nodig = f"TLV {soort}" + (" met een bekostigingscategorie" if soort == "so" else "")
    begin = f"Inschrijven op {waar} kan alleen met een {nodig} die geldig is op {op:%d-%m-%Y} [002 §1.15]. "
    if geldig:  # so, but without a categorie
        t = geldig[0]
        return begin + (
            f"TLV {t.kenmerk} is een TLV so zonder bekostigingscategorie; het samenwerkingsverband "
            "moet de categorie (laag, midden of hoog) vastleggen."
        )
    if passend:
        t = passend[0]
        return begin + f"TLV {t.kenmerk} ({soort}) geldt van {_periode(t)}, niet op {op:%d-%m-%Y}."
    if tlvs:
        t = tlvs[0]
        return begin + (
            f"{leerling.volledige_naam} heeft alleen TLV {t.kenmerk} voor {t.schoolsoort}; "
            f"voor deze school is een TLV {soort} nodig."
        )
    lopend = (
        TLVAanvraag.objects.filter(leerling=leerling, status__in=(Status.CONCEPT, *IN_BEHANDELING))
        .order_by("-pk")
        .first()
    )
    if lopend is not None:
        return begin + (
            f"{leerling.volledige_naam} heeft nog geen TLV: de aanvraag is nog niet beslist "
            f"(status: {Status(lopend.status).label})."
        )
    return begin + f"{leerling.volledige_naam} heeft geen TLV."
