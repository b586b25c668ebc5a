"""Completeness of a TLV-aanvraag as a list of named rules, each with its source, evaluated live
against the leerling's dossier (OPP, OT-verslagen, documents) [002 §1.4, bijlage 3.11.1].

The same list is the school's checklist before submitting, the SLL's formal check (`formeel`
rules: handtekeningen, OPP, LVS-gegevens, overdrachtsdocument) and the SC's content check (all
rules). An aanvraag that fails a rule cannot pass the check (TLVAanvraag.formeel_compleet and
.dossier_compleet are the conditions of those transitions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from cases.dossier.models.documenten import Document, DocumentSoort
from cases.dossier.models.opp import OPP, OPPAkkoord
from cases.dossier.models.ot import AanwezigeRol, OTBespreking, OTSoort
from cases.dossier.models.ot import Status as DossierStatus
from cases.termijnen import plus_maanden
from tlv.herindicatie import actuele_zienswijze_regel

OPP_MAX_MAANDEN = 6  # "niet ouder dan een half jaar" [002 bijlage 3.11.1]
ONDERZOEK_MAX_JAREN = 2


@dataclass
class Dossier:
    """What the rules read, loaded once per evaluation (a fixed number of queries)."""

    peildatum: date
    opp: OPP | None
    gezag_ouder_ids: set[int]
    akkoord_ouder_ids: set[int]
    ots: list[OTBespreking]
    documenten: list[Document]

    @classmethod
    def laad(cls, aanvraag, peildatum: date) -> Dossier:
        leerling = aanvraag.leerling
        versies = list(
            OPP.objects.filter(leerling=leerling, status=DossierStatus.VASTGESTELD)
            .prefetch_related(
                Prefetch("akkoorden", OPPAkkoord.objects.ondertekend(), "ondertekend"),
                Prefetch("portaal_zienswijzen", to_attr="zienswijzen_portaal"),
            )
            .order_by("-versie")
        )
        opp = versies[0] if versies else None
        if aanvraag.besluit_op:
            # A decided aanvraag is judged on the OPP it was decided on, not on a later evaluation
            # (issue 17: the ouders sign a new version in the portal after the TLV).
            eerder = [v for v in versies if v.datum and v.datum <= aanvraag.besluit_op]
            opp = eerder[0] if eerder else opp
        ots = list(
            OTBespreking.objects.filter(leerling=leerling, status=DossierStatus.VASTGESTELD)
            .prefetch_related("aanwezigen")
            .order_by("datum", "pk")
        )
        documenten = list(Document.objects.filter(leerling=leerling).order_by("-datum", "-pk"))
        return cls(
            peildatum=peildatum,
            opp=opp,
            gezag_ouder_ids=set(leerling.ouders.filter(gezag=True).values_list("pk", flat=True)),
            akkoord_ouder_ids={a.ouder_id for a in opp.ondertekend} if opp else set(),
            ots=ots,
            documenten=documenten,
        )

    def docs(self, soort: str) -> list[Document]:
        return [d for d in self.documenten if d.soort == soort]


@dataclass(frozen=True)
class Regel:
    code: str
    titel: str
    bron: str
    formeel: bool  # part of the SLL's formal check
    controle: Callable[..., tuple[bool, str]]
    van_toepassing: Callable[..., bool] = field(default=lambda aanvraag: True)


@dataclass(frozen=True)
class Uitkomst:
    regel: Regel
    voldaan: bool
    toelichting: str


def _zij_of_herindicatie(aanvraag) -> bool:
    return aanvraag.soort != "onderinstroom"


def _herindicatie_dossier(aanvraag) -> bool:
    """Herindicatie optie 1: the two deskundigen advise on the dossier [002 L817]."""
    return aanvraag.soort == "herindicatie" and aanvraag.herindicatie_optie == 1


def _opp_recent_van_toepassing(aanvraag) -> bool:
    """For herindicatie optie 1 the OPP may be older: [002 L818] asks a fresh zienswijze instead."""
    return _zij_of_herindicatie(aanvraag) and not _herindicatie_dossier(aanvraag)


def _zij_instroom(aanvraag) -> bool:
    return aanvraag.soort == "zij_instroom"


def _onderinstroom(aanvraag) -> bool:
    return aanvraag.soort == "onderinstroom"


def _datum(d: date) -> str:
    from cases.termijnen import formatteer_datum

    return formatteer_datum(d)


# --- the rules ------------------------------------------------------------------------------------


def aanvraagformulier_ondertekend(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    gebreken = []
    if aanvraag.zonder_toestemming:
        gebreken += aanvraag.zonder_toestemming_gebreken(dossier.peildatum)
    elif not aanvraag.ouders_ondertekend_op:
        gebreken.append("de handtekening van ouders ontbreekt")
    if not aanvraag.directeur_ondertekend_op:
        gebreken.append("de directeur ondertekent bij het indienen")
    if not aanvraag.aanvraagformulier_ingevuld():
        gebreken.append("onderwijs- en ondersteuningsbehoeften of zienswijze ouders ontbreken")
    if gebreken:
        return False, "; ".join(gebreken).capitalize() + "."
    wie = "zonder toestemming van ouders (§1.13 vervuld)" if aanvraag.zonder_toestemming else "door ouders"
    if not aanvraag.zonder_toestemming and aanvraag.ouder_handtekeningen.exists():
        wie = "door ouders (digitaal in het ouderportaal)"
    return True, f"Ondertekend {wie} en door de directeur."


def opp_recent(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    opp = dossier.opp
    if opp is None:
        return False, "Er is geen vastgesteld OPP in het dossier."
    opp_datum = opp.datum or timezone.localtime(opp.vastgesteld_op).date()
    grens = plus_maanden(opp_datum, OPP_MAX_MAANDEN)
    if grens < dossier.peildatum:
        return False, f"Het OPP (versie {opp.versie}, {_datum(opp_datum)}) is ouder dan een half jaar."
    return True, f"OPP versie {opp.versie} van {_datum(opp_datum)}; recent tot en met {_datum(grens)}."


def handelingsdeel_ondertekend(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    if dossier.opp is None:
        return False, "Er is geen vastgesteld OPP."
    if not dossier.gezag_ouder_ids:
        return False, "Leg eerst de ouder(s) met gezag vast."
    ontbreekt = dossier.gezag_ouder_ids - dossier.akkoord_ouder_ids
    if ontbreekt:
        if aanvraag.zonder_toestemming and not aanvraag.zonder_toestemming_gebreken(dossier.peildatum):
            return True, "Aanvraag zonder toestemming: ouders kregen het OPP ter reactie (§1.13 vervuld)."
        return False, (
            f"De handtekening op het handelingsdeel ontbreekt van {len(ontbreekt)} ouder(s) met gezag; "
            "een mondeling akkoord telt niet, alleen een ondertekend exemplaar dat in het dossier is "
            "gescand of een digitale handtekening in het ouderportaal [002 L742, L1250]."
        )
    return True, "Alle ouders met gezag hebben het handelingsdeel schriftelijk ondertekend."


def zienswijze_ouders_in_opp(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    if dossier.opp is None:
        return False, "Er is geen vastgesteld OPP."
    portaal = getattr(dossier.opp, "zienswijzen_portaal", None)
    if portaal is None:
        portaal = list(dossier.opp.portaal_zienswijzen.all())
    if portaal:
        return True, f"De zienswijze van ouders is in het ouderportaal geschreven ({len(portaal)} keer)."
    if not dossier.opp.zienswijze_ouders.strip():
        return False, "Het OPP bevat geen zienswijze van ouders (op papier of in het ouderportaal)."
    return True, "De zienswijze van ouders staat in het OPP."


def overdrachtsdocument(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    docs = dossier.docs(DocumentSoort.OVERDRACHT)
    if not docs:
        return False, "Het overdrachtsdocument jonge kind ontbreekt."
    return True, f"Overdrachtsdocument van {_datum(docs[0].datum)}."


def _ot_telt(ot: OTBespreking) -> bool:
    sc_aanwezig = any(a.rol == AanwezigeRol.SC for a in ot.aanwezigen.all())
    return sc_aanwezig and ot.ouders_uitgenodigd


def twee_ot_verslagen(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    tellend = [ot for ot in dossier.ots if _ot_telt(ot)]
    if len(tellend) >= 2:
        return True, f"{len(tellend)} vastgestelde OT-verslagen met de SC aan tafel en ouders uitgenodigd."
    overig = len(dossier.ots) - len(tellend)
    extra = (
        f" ({overig} verslag(en) zonder SC of zonder uitnodiging van ouders tellen niet mee)"
        if overig
        else ""
    )
    return False, f"{len(tellend)} van de 2 vereiste OT-verslagen{extra}."


def vervolg_ot_afwegingen(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    for ot in reversed(dossier.ots):
        if ot.soort == OTSoort.VERVOLG and ot.gesprek_bao_bao.strip() and ot.gesprek_so_sbo.strip():
            return (
                True,
                f"Het vervolg-OT van {_datum(ot.peildatum)} beschrijft de afweging bao-bao en so/sbo.",
            )
    return False, "Geen vastgesteld vervolg-OT waarin de afweging bao-bao én so/sbo staat."


def lvs_gegevens(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    docs = dossier.docs(DocumentSoort.LVS)
    if not docs:
        return False, "De LVS-gegevens ontbreken."
    return True, f"LVS-gegevens van {_datum(docs[0].datum)}."


def onderzoek_recent(aanvraag, dossier: Dossier) -> tuple[bool, str]:
    grens = _jaren_terug(dossier.peildatum, ONDERZOEK_MAX_JAREN)
    oud = [d for d in dossier.docs(DocumentSoort.ONDERZOEK) if (d.onderzoeksdatum or d.datum) < grens]
    if oud:
        return False, (
            f"{len(oud)} onderzoeksverslag(en) ouder dan twee jaar (van vóór {_datum(grens)}); "
            "laat het weg of lever recenter onderzoek aan. Medische verslagen mogen ouder zijn."
        )
    aantal = len(dossier.docs(DocumentSoort.ONDERZOEK))
    medisch = len(dossier.docs(DocumentSoort.MEDISCH))
    return (
        True,
        f"{aantal} onderzoeksverslag(en), alle recent; {medisch} medisch(e) verslag(en) (leeftijd vrij).",
    )


def _jaren_terug(d: date, jaren: int) -> date:
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year - jaren, day=28)


REGELS: tuple[Regel, ...] = (
    Regel(
        "aanvraagformulier",
        "Ondertekend TLV-aanvraagformulier (ouders en directeur)",
        "002 §1.4; bijlage 3.11.1",
        True,
        aanvraagformulier_ondertekend,
    ),
    Regel(
        "opp_recent",
        "Recent OPP (niet ouder dan een half jaar)",
        "002 §1.4; bijlage 3.11.1",
        True,
        opp_recent,
        _opp_recent_van_toepassing,
    ),
    Regel(
        "actuele_zienswijze",
        "Herindicatie optie 1: OPP binnen een half jaar geëvalueerd, of een actuele zienswijze",
        "002 L818",
        True,
        actuele_zienswijze_regel,
        _herindicatie_dossier,
    ),
    Regel(
        "handelingsdeel",
        "Handelingsdeel van het OPP ondertekend door ouders",
        "002 §1.4, §1.5",
        True,
        handelingsdeel_ondertekend,
        _zij_of_herindicatie,
    ),
    Regel(
        "zienswijze",
        "Zienswijze van ouders bij het OPP",
        "002 §1.4; bijlage 3.11.1",
        True,
        zienswijze_ouders_in_opp,
        _zij_of_herindicatie,
    ),
    Regel(
        "overdrachtsdocument",
        "Overdrachtsdocument jonge kind (vervangt het OPP)",
        "002 §1.15, §1.17",
        True,
        overdrachtsdocument,
        _onderinstroom,
    ),
    Regel(
        "twee_ots",
        "Ten minste twee vastgestelde OT-verslagen, SC aan tafel en ouders uitgenodigd",
        "002 bijlage 3.11.1 'De rol van de ondersteuningsteamvergaderingen'; §1.2",
        False,
        twee_ot_verslagen,
        _zij_instroom,
    ),
    Regel(
        "vervolg_ot",
        "Vervolg-OT met de afweging bao-bao en so/sbo",
        "002 §1.2, §1.4; bijlage 3.8.3",
        False,
        vervolg_ot_afwegingen,
        _zij_instroom,
    ),
    Regel(
        "lvs",
        "Relevante LVS-gegevens",
        "002 §1.4; bijlage 3.11.1 'Secretaresse'",
        True,
        lvs_gegevens,
        _zij_of_herindicatie,
    ),
    Regel(
        "onderzoek",
        "Onderzoeksverslagen niet ouder dan twee jaar (medisch mag ouder)",
        "002 §1.4",
        False,
        onderzoek_recent,
    ),
)


def evalueer(aanvraag, *, peildatum: date | None = None, dossier: Dossier | None = None) -> list[Uitkomst]:
    """Every applicable rule with its outcome. Ages (OPP, research) are measured on the day of
    receipt once the aanvraag is ingediend, otherwise today; documents added later (after an
    information request) count as they arrive."""
    if peildatum is None:
        peildatum = aanvraag.ontvangen_op or timezone.localdate()
    dossier = dossier or Dossier.laad(aanvraag, peildatum)
    uit = []
    for regel in REGELS:
        if regel.van_toepassing(aanvraag):
            voldaan, toelichting = regel.controle(aanvraag, dossier)
            uit.append(Uitkomst(regel, voldaan, toelichting))
    return uit


def ontbrekend(aanvraag, *, alleen_formeel: bool = False) -> list[Uitkomst]:
    return [u for u in evalueer(aanvraag) if not u.voldaan and (u.regel.formeel or not alleen_formeel)]
