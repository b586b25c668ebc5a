"""Herindicatie as a process [002 L815-825]: which option applies, when optie 1 needs a fresh
zienswijze, what the herindicatiegesprek of optie 2 decides, and when the aanvraag must go to the
TLA-commissie. Pure reads of the aanvraag and its dossier; the conditions of TLVAanvraag
(tlv/models/voorwaarden.py) and the completeness rule (tlv/volledigheid.py) call these, the
detail page shows `paneel()`.

Definitions (recorded in docs/bronnen.md):
- "langer dan een half jaar geleden geëvalueerd" [002 L818]: the peildatum (day of receipt, or
  today for a concept) lies after the date six calendar months after the last evaluation
  (cases.termijnen.plus_maanden; 31 August + 6 months = the last day of February). Exactly six
  months is not "langer".
- The last evaluation is the date of the newest vastgesteld OPP version after the first (a new
  version follows an evaluation with ouders; its `datum` is that evaluation). Only a first
  version, or no OPP, is "nog nooit geëvalueerd": the recent standpunt of ouders is then not in
  the dossier either, so the fresh zienswijze is required as well.
- A fresh zienswijze counts when it is at most half a year old on the peildatum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from cases.termijnen import formatteer_datum, plus_maanden
from tlv.models.keuzes import HerindicatieOptie, Soort

HALF_JAAR = 6  # months [002 L818]


def is_herindicatie(aanvraag) -> bool:
    return aanvraag.soort == Soort.HERINDICATIE


def optie(aanvraag) -> int | None:
    return aanvraag.herindicatie_optie if is_herindicatie(aanvraag) else None


def huidige_tlv(leerling, *, behalve_aanvraag_id=None):
    """The pupil's newest TLV: the one a herindicatie extends [002 L815]."""
    from tlv.models import TLV

    qs = TLV.objects.filter(leerling=leerling)
    if behalve_aanvraag_id:
        qs = qs.exclude(aanvraag_id=behalve_aanvraag_id)
    return qs.order_by("-einddatum", "-pk").first()


# --- optie 1: dossier, and the fresh zienswijze ---------------------------------------------------


def laatste_evaluatie(opp) -> date | None:
    """The date of the last evaluation of the OPP, or None when it was never evaluated."""
    if opp is None or opp.versie <= 1:
        return None
    if opp.datum:
        return opp.datum
    return timezone.localtime(opp.vastgesteld_op).date() if opp.vastgesteld_op else None


def evaluatie_te_oud(opp, peildatum: date) -> bool:
    """True when the OPP was evaluated more than half a year before `peildatum`, or never [002 L818]."""
    e = laatste_evaluatie(opp)
    return e is None or peildatum > plus_maanden(e, HALF_JAAR)


def zienswijze_actueel(aanvraag, peildatum: date) -> bool:
    z = aanvraag.actuele_zienswijze_op
    return (
        bool(aanvraag.actuele_zienswijze.strip())
        and z is not None
        and plus_maanden(z, HALF_JAAR) >= peildatum
    )


def actuele_zienswijze_regel(aanvraag, dossier) -> tuple[bool, str]:
    """Completeness rule for herindicatie optie 1 [002 L818]: an OPP evaluated within half a year,
    or a fresh zienswijze of the school with the recent standpunt of ouders."""
    peil = dossier.peildatum
    opp = dossier.opp
    e = laatste_evaluatie(opp)
    if e is not None and not evaluatie_te_oud(opp, peil):
        return True, (
            f"Het OPP is op {formatteer_datum(e)} geëvalueerd, binnen een half jaar vóór de aanvraag "
            f"(tot en met {formatteer_datum(plus_maanden(e, HALF_JAAR))}): geen nieuwe zienswijze nodig."
        )
    if opp is None:
        waarom = "Er is geen vastgesteld OPP, dus ook geen evaluatie"
    elif e is None:
        opp_datum = opp.datum or timezone.localtime(opp.vastgesteld_op).date()
        waarom = f"Het OPP (versie 1 van {formatteer_datum(opp_datum)}) is nog nooit geëvalueerd"
    else:
        waarom = (
            f"Het OPP is voor het laatst geëvalueerd op {formatteer_datum(e)}, meer dan een half jaar "
            f"vóór de aanvraag ({formatteer_datum(peil)})"
        )
    if zienswijze_actueel(aanvraag, peil):
        op = formatteer_datum(aanvraag.actuele_zienswijze_op)
        return True, f"{waarom}; de school schreef op {op} een actuele zienswijze."
    if aanvraag.actuele_zienswijze_op and aanvraag.actuele_zienswijze.strip():
        return False, (
            f"{waarom}, en de zienswijze van {formatteer_datum(aanvraag.actuele_zienswijze_op)} is zelf "
            "ouder dan een half jaar: de school schrijft een actuele zienswijze met het recente standpunt "
            "van ouders over de herindicatie [002 L818]."
        )
    return False, (
        f"{waarom}: de school schrijft een actuele zienswijze met het recente standpunt van ouders over "
        "de herindicatie [002 L818]."
    )


# --- schoolsoort and categorie compared with the current TLV -------------------------------------


def categorie_wijziging(aanvraag) -> tuple[str, str] | None:
    """(current, requested) categorie when the herindicatie asks for another hoogte [002 L825]."""
    vorige = aanvraag.vorige_tlv
    if not is_herindicatie(aanvraag) or vorige is None or not aanvraag.gevraagde_categorie:
        return None
    if (
        vorige.schoolsoort == aanvraag.gevraagde_schoolsoort == "so"
        and aanvraag.gevraagde_categorie != vorige.categorie
    ):  # noqa: E501
        return vorige.categorie or "geen", aanvraag.gevraagde_categorie
    return None


def schoolsoort_wijziging(aanvraag) -> tuple[str, str] | None:
    vorige = aanvraag.vorige_tlv
    if not is_herindicatie(aanvraag) or vorige is None:
        return None
    if vorige.schoolsoort != aanvraag.gevraagde_schoolsoort:
        return vorige.schoolsoort, aanvraag.gevraagde_schoolsoort
    return None


def dossieroptie_bezwaren(aanvraag) -> list[str]:
    """Why optie 1 (advice on the dossier alone) cannot be chosen, in Dutch (empty: it can)."""
    if optie(aanvraag) != HerindicatieOptie.DOSSIER:
        return []
    uit = []
    if wissel := categorie_wijziging(aanvraag):
        uit.append(
            f"Gevraagd wordt een andere categorie dan de huidige TLV ({wissel[0]} → {wissel[1]}): dat gaat "
            "altijd naar de TLA-commissie, niet via optie 1 op basis van alleen het dossier. Kies optie 2 "
            "[002 L825]."
        )
    if wissel := schoolsoort_wijziging(aanvraag):
        uit.append(
            f"Er is een ander schooltype gewenst ({wissel[0]} → {wissel[1]}): dan wordt eerst een "
            "herindicatiegesprek gevoerd. Kies optie 2 [002 L820]."
        )
    return uit


# --- optie 2: the herindicatiegesprek and its route ----------------------------------------------


def laatste_gesprek(aanvraag):
    gesprekken = list(aanvraag.herindicatiegesprekken.all())
    return gesprekken[-1] if gesprekken else None


def commissie_redenen(aanvraag) -> list[str]:
    """Why the aanvraag must be discussed in the TLA-commissie [002 L822-825] (empty: it need not)."""
    from tlv.models.herindicatie import GesprekUitkomst

    if not is_herindicatie(aanvraag):
        return []
    uit = []
    g = laatste_gesprek(aanvraag) if optie(aanvraag) == HerindicatieOptie.GESPREK else None
    if g is not None and g.uitkomst == GesprekUitkomst.SCHOOL_SC_ONEENS:
        uit.append(
            f"In het herindicatiegesprek van {formatteer_datum(g.datum)} kwamen school en SC niet tot "
            "overeenstemming: er komt een deskundigenadvies en de leerling wordt besproken in de "
            "TLA-commissie, die de directeur-bestuurder adviseert [002 L822, L824]."
        )
    if wissel := categorie_wijziging(aanvraag):
        uit.append(
            f"Er ligt een aanvraag om de categorie van de TLV aan te passen ({wissel[0]} → {wissel[1]}): "
            "de leerling wordt besproken in de TLA-commissie [002 L825]."
        )
    return uit


def route(aanvraag) -> str:
    """Where the herindicatie goes, in one Dutch sentence."""
    from tlv.models.herindicatie import GesprekUitkomst

    o = optie(aanvraag)
    if o is None:
        return "Kies optie 1 (iedereen eens, advies op basis van het dossier) of optie 2 (eerst een herindicatiegesprek)."  # noqa: E501
    if bezwaren := dossieroptie_bezwaren(aanvraag):
        return bezwaren[0]
    if commissie_redenen(aanvraag):
        return "De aanvraag gaat na de adviezen van de deskundigen naar de TLA-commissie, ook als de adviezen unaniem zijn."  # noqa: E501
    if o == HerindicatieOptie.DOSSIER:
        return (
            "Optie 1: ouders, school en SC zijn het eens. De twee deskundigen schrijven hun advies op "
            "basis van het dossier [002 L817]."
        )
    g = laatste_gesprek(aanvraag)
    if g is None:
        return "Optie 2: leg eerst het herindicatiegesprek met ouders, school en SC vast [002 L820]."
    if g.uitkomst == GesprekUitkomst.OUDERS_NIET_EENS:
        return (
            "Geen overeenstemming met ouders: de aanvraag volgt de procedure 'aanvraag zonder toestemming "
            "van ouders' met haar zes voorwaarden [002 L821, §1.13]."
        )
    return "Overeenstemming in het herindicatiegesprek: de verlenging wordt aangevraagd volgens de gewone procedure [002 L821]."  # noqa: E501


@dataclass
class Paneel:
    optie: int | None
    optie_label: str
    vorige_tlv: object
    route: str
    commissie_redenen: list[str] = field(default_factory=list)
    bezwaren: list[str] = field(default_factory=list)
    gesprekken: list = field(default_factory=list)
    zienswijze: tuple[bool, str] | None = None


def paneel(aanvraag, zienswijze_uitkomst=None) -> Paneel | None:
    """What the herindicatie panel on the detail page shows (None for another soort)."""
    if not is_herindicatie(aanvraag):
        return None
    return Paneel(
        optie=aanvraag.herindicatie_optie,
        optie_label=aanvraag.get_herindicatie_optie_display() if aanvraag.herindicatie_optie else "",
        vorige_tlv=aanvraag.vorige_tlv,
        route=route(aanvraag),
        commissie_redenen=commissie_redenen(aanvraag),
        bezwaren=dossieroptie_bezwaren(aanvraag),
        gesprekken=list(aanvraag.herindicatiegesprekken.select_related("vastgelegd_door")),
        zienswijze=(zienswijze_uitkomst.voldaan, zienswijze_uitkomst.toelichting)
        if zienswijze_uitkomst
        else None,
    )
