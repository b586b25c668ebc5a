"""Reads for the leerling dossier [issue 3]. Every function here runs a fixed number of queries,
whatever the size of the history.

Public API for other apps:
- `recent_opp(leerling, peildatum) -> OPP | None`: the newest vastgesteld OPP version that is not
  older than half a year on `peildatum` [002 §1.4]; None when there is none.
- `laatste_opp(leerling) -> OPP | None`: the newest vastgesteld version, whatever its age.
- `opp_leeftijd_waarschuwing(opp, peildatum) -> str | None`: a Dutch warning when `opp` is missing
  or older than half a year on `peildatum`; None when it is recent.
- `opp_akkoord_compleet(opp) -> bool`: every ouder with gezag has agreed to the handelingsdeel.
- `checklist_stand(items) -> ChecklistStand`: the step of the checklist leerlingondersteuning
  [002 bijlage 3.6], derived from timeline items (cases/tijdlijn.py).
The timeline providers for OT's, OPP's and documents (`ot_items`, ...) are defined here and
registered in cases/registraties.py (cases/tijdlijn.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from cases.dossier.models.documenten import DocumentSoort
from cases.dossier.models.opp import OPP, AkkoordWijze, OPPAkkoord, plus_maanden
from cases.dossier.models.ot import ARRANGEMENT_UITKOMSTEN, Aanwezige, Afspraak, OTSoort, OTUitkomst, Status
from cases.models import Document, Leerling, OTBespreking, Rol
from cases.models.audit import AuditActie, AuditRegel
from cases.models.rollen import REGIOGEBONDEN, SCHOOLGEBONDEN, RolSoort
from cases.tijdlijn import CHECKLIST_STAPPEN, TijdlijnItem, huidige_stap, tijdlijn

OPP_MAX_MAANDEN = 6  # "recent (niet ouder dan een half jaar)" [002 §1.4]
OPP_BIJNA_OUD_MAANDEN = 5  # "Mijn werk" warns a month ahead
ONDERZOEK_MAX_JAREN = 2  # research reports not older than two years (medical may be older) [bijlage 3.8.1]


# --- OPP age ------------------------------------------------------------------------------------


def opp_is_recent(opp: OPP | None, peildatum: date) -> bool:
    """OPP niet ouder dan een half jaar [002 §1.4]: on the day six calendar months after its date
    it is still recent; the day after it is not."""
    return opp is not None and opp.datum is not None and plus_maanden(opp.datum, OPP_MAX_MAANDEN) >= peildatum


def laatste_opp(leerling: Leerling) -> OPP | None:
    return OPP.objects.vastgesteld().filter(leerling=leerling).order_by("-versie").first()


def recent_opp(leerling: Leerling, peildatum: date) -> OPP | None:
    """The newest vastgesteld OPP when it is not older than half a year on `peildatum` [002 §1.4]."""
    opp = (
        OPP.objects.vastgesteld()
        .filter(leerling=leerling, datum__lte=peildatum)
        .order_by("-datum", "-versie")
        .first()
    )
    return opp if opp_is_recent(opp, peildatum) else None


def opp_leeftijd_waarschuwing(opp: OPP | None, peildatum: date) -> str | None:
    if opp is None or opp.datum is None:
        return "Er is nog geen vastgesteld OPP. Voor een TLV-aanvraag is een recent OPP nodig [002 §1.4]."
    if opp_is_recent(opp, peildatum):
        return None
    return (
        f"Het OPP (versie {opp.versie}, {opp.datum:%d-%m-%Y}) is ouder dan een half jaar. "
        "Voor een TLV-aanvraag "
        "is een recent OPP nodig: evalueer het met ouders en stel een nieuwe versie vast [002 §1.4]."
    )


def opp_akkoord_compleet(opp: OPP) -> bool:
    """Every ouder with gezag has signed this version's handelingsdeel in writing; a spoken
    akkoord is noted but does not count [002 §1.4, L742, L1250; issue 16.3]."""
    gezag = set(opp.leerling.ouders.filter(gezag=True).values_list("pk", flat=True))
    return bool(gezag) and gezag <= set(opp.akkoorden.ondertekend().values_list("ouder_id", flat=True))


def maanden_oud(d: date, peildatum: date) -> int:
    maanden = (peildatum.year - d.year) * 12 + peildatum.month - d.month
    return maanden - (1 if peildatum.day < d.day else 0)


# --- checklist leerlingondersteuning [002 bijlage 3.6] -------------------------------------------


def _ot_stap(soort: str, status: str, uitkomst: str) -> int:
    if status != Status.VASTGESTELD:
        return 9 if soort == OTSoort.VERVOLG else 7
    if uitkomst == OTUitkomst.TLV:
        return 10
    if uitkomst == OTUitkomst.BEANTWOORD:
        return 4
    if soort == OTSoort.VERVOLG:
        return 9
    if uitkomst in ARRANGEMENT_UITKOMSTEN:
        return 8
    return 7


UITKOMST_KORT = {
    OTUitkomst.BEANTWOORD: "hulpvraag beantwoord",
    OTUitkomst.HGO_DESKUNDIGHEID: "HGO-arrangement deskundigheid SWV",
    OTUitkomst.HGO_MIDDELEN: "HGO-arrangement deskundigheid en middelen",
    OTUitkomst.LOKAAL_TEAM: "inzet lokaal team",
    OTUitkomst.COMBINATIE: "deskundigheid SWV en lokaal team",
    OTUitkomst.TLV: "TLV aanvragen",
}


@dataclass
class ChecklistStand:
    stap: int | None  # None: no event yet, the regular cycle (steps 1–5)
    reden: str
    sinds: date | None = None
    stappen: list[tuple[int, str, str, str]] = field(default_factory=list)  # nr, naam, toelichting, toestand


def checklist_stand(items) -> ChecklistStand:
    item = huidige_stap(items)
    if item is None:
        stap, reden, sinds = (
            None,
            (
                "Er is nog geen OT of TLV vastgelegd: de leerling volgt de reguliere cyclus van de "
                "basisondersteuning (stap 1–5)."
            ),
            None,
        )
    else:
        stap, sinds = item.stap, item.datum
        reden = f"{item.titel} ({item.status}) van {item.datum:%d-%m-%Y}."
    stappen = []
    for nr, naam, toelichting in CHECKLIST_STAPPEN:
        if stap is None:
            toestand = "huidig" if nr <= 5 else "open"
        elif nr == stap:
            toestand = "huidig"
        elif nr < stap or (stap <= 5 and nr in (6, 7)):
            # Back in the cycle after the OT: the leerlingbespreking and the OT lie behind.
            toestand = "gedaan"
        else:
            toestand = "open"
        stappen.append((nr, naam, toelichting, toestand))
    return ChecklistStand(stap=stap, reden=reden, sinds=sinds, stappen=stappen)


# --- timeline providers ---------------------------------------------------------------------------


def _dag(dt) -> date:
    return timezone.localtime(dt).date()


def ot_items(leerling_ids, *, user):
    rijen = OTBespreking.objects.filter(leerling_id__in=leerling_ids).values_list(
        "pk", "leerling_id", "soort", "status", "datum", "aangemaakt_op", "uitkomst"
    )
    items = []
    for pk, lid, soort, status, datum, aangemaakt, uitkomst in rijen:
        stap = _ot_stap(soort, status, uitkomst)
        titel = OTSoort(soort).label
        if status == Status.VASTGESTELD and uitkomst:
            titel = f"{titel}: {UITKOMST_KORT[uitkomst]}"
        items.append(
            TijdlijnItem(
                leerling_id=lid,
                datum=datum or _dag(aangemaakt),
                soort="OT-verslag",
                titel=titel,
                url=reverse("ot_detail", args=[pk]),
                status=Status(status).label,
                stap=stap,
                volgorde=20,
            )
        )
    return items


def opp_items(leerling_ids, *, user):
    rijen = OPP.objects.filter(leerling_id__in=leerling_ids).values_list(
        "pk", "leerling_id", "versie", "status", "datum", "aangemaakt_op"
    )
    return [
        TijdlijnItem(
            leerling_id=lid,
            datum=datum or _dag(aangemaakt),
            soort="OPP",
            titel=f"OPP versie {versie}" + (" (evaluatie)" if versie > 1 else ""),
            url=reverse("opp_detail", args=[pk]),
            status=Status(status).label,
            volgorde=30,
        )
        for pk, lid, versie, status, datum, aangemaakt in rijen
    ]


def _akkoord_status(wijze: str, document_id) -> str:
    w = AkkoordWijze(wijze)
    if not w.telt_als_handtekening:
        return "mondeling genoteerd, telt niet als handtekening"
    if w.vraagt_scan and document_id is None:
        return "op papier, scan ontbreekt"
    return "ondertekend"


def akkoord_items(leerling_ids, *, user):
    rijen = OPPAkkoord.objects.filter(opp__leerling_id__in=leerling_ids).values_list(
        "opp_id", "opp__leerling_id", "opp__versie", "datum", "ouder__relatie", "wijze", "document_id"
    )
    return [
        TijdlijnItem(
            leerling_id=lid,
            datum=datum,
            soort="OPP",
            titel=f"Akkoord {relatie} op handelingsdeel OPP versie {versie}",
            url=reverse("opp_detail", args=[opp_id]),
            status=_akkoord_status(wijze, document_id),
            volgorde=31,
        )
        for opp_id, lid, versie, datum, relatie, wijze, document_id in rijen
    ]


def document_items(leerling_ids, *, user):
    rijen = Document.objects.filter(leerling_id__in=leerling_ids).values_list(
        "pk", "leerling_id", "soort", "titel", "datum"
    )
    return [
        TijdlijnItem(
            leerling_id=lid,
            datum=datum,
            soort=DocumentSoort(soort).label[:1].upper() + DocumentSoort(soort).label[1:],
            titel=titel,
            url=reverse("document_download", args=[pk]),
            status="",
            volgorde=10,
        )
        for pk, lid, soort, titel, datum in rijen
    ]


# --- the dossier page -----------------------------------------------------------------------------


def dossier_queryset(user):
    return Leerling.objects.filter_for_user(user).select_related(
        "swv", "gemeente", "huidige_school__regio", "huidige_school__bestuur"
    )


@dataclass
class OPPOverzicht:
    versies: list[OPP]
    laatste: OPP | None
    concept: OPP | None
    waarschuwing: str | None
    maanden: int | None
    akkoord_compleet: bool


def opp_overzicht(leerling: Leerling, ouders: list, vandaag: date) -> OPPOverzicht:
    versies = list(
        OPP.objects.filter(leerling=leerling)
        .annotate(
            aantal_akkoorden=Count(
                "akkoorden__ouder", filter=AkkoordWijze.ondertekend_q("akkoorden__"), distinct=True
            )
        )
        .order_by("-versie")
        .only("pk", "leerling_id", "versie", "status", "datum", "vastgesteld_op")
    )
    laatste = next((o for o in versies if o.status == Status.VASTGESTELD), None)
    concept = next((o for o in versies if o.status == Status.CONCEPT), None)
    gezag = sum(1 for o in ouders if o.gezag)
    return OPPOverzicht(
        versies=versies,
        laatste=laatste,
        concept=concept,
        waarschuwing=opp_leeftijd_waarschuwing(laatste, vandaag) if laatste else None,
        maanden=maanden_oud(laatste.datum, vandaag) if laatste and laatste.datum else None,
        akkoord_compleet=bool(laatste) and gezag > 0 and laatste.aantal_akkoorden >= gezag,
    )


def betrokken_medewerkers(leerling: Leerling) -> list[Rol]:
    """IB'er, directeur and leerkracht(en) of the current school, SC and CJK of its regio."""
    school = leerling.huidige_school
    if school is None:
        return []
    rollen = (
        Rol.objects.filter(actief=True)
        .filter(
            Q(school=school, soort__in=SCHOOLGEBONDEN) | Q(regio_id=school.regio_id, soort__in=REGIOGEBONDEN)
        )
        .select_related("gebruiker")
        .order_by("soort", "gebruiker__last_name")
    )
    return [r for r in rollen if r.soort != RolSoort.LEERKRACHT or leerling.huidige_groep in r.groepen_lijst]


def aanwezigen_ot(leerling: Leerling) -> list[dict]:
    return list(
        Aanwezige.objects.filter(bespreking__leerling=leerling, bespreking__status=Status.VASTGESTELD)
        .exclude(naam="")
        .values("naam", "functie", "rol")
        .annotate(laatst=Max("bespreking__datum"))
        .order_by("-laatst", "naam")[:20]
    )


def open_afspraken(leerling: Leerling) -> list[Afspraak]:
    return list(Afspraak.objects.open().filter(leerling=leerling).order_by("uiterlijk", "pk"))


def wie_keek(leerling: Leerling, *, aantal: int = 15) -> list[dict]:
    """Wie heeft dit dossier ingezien: per person the last view and the number of views; an ouder
    (ouderportaal) is marked as such [issue 17]."""
    from cases.ouderportaal.selectors import ouder_accounts

    rijen = list(
        AuditRegel.objects.filter(leerling=leerling, actie__in=[AuditActie.BEKEKEN, AuditActie.GEDOWNLOAD])
        .values("gebruiker_id", "gebruikersnaam", "gebruiker__first_name", "gebruiker__last_name")
        .annotate(laatst=Max("tijdstip"), aantal=Count("id"))
        .order_by("-laatst")[:aantal]
    )
    ouders = ouder_accounts([r["gebruiker_id"] for r in rijen]) if rijen else set()
    for r in rijen:
        r["is_ouder"] = r["gebruiker_id"] in ouders
    return rijen


def documenten(leerling: Leerling, vandaag: date) -> list[Document]:
    docs = list(Document.objects.filter(leerling=leerling).order_by("-datum", "-pk"))
    grens = plus_maanden(vandaag, -12 * ONDERZOEK_MAX_JAREN)
    for d in docs:
        d.onderzoek_te_oud = (
            d.soort == DocumentSoort.ONDERZOEK
            and d.onderzoeksdatum is not None
            and (d.onderzoeksdatum < grens)
        )
    return docs


def dossier(leerling: Leerling, *, user, vandaag: date | None = None) -> dict:
    """Everything the dossier page shows, in a constant number of queries."""
    from cases.onderinstroom.selectors import dossier_onderinstroom

    vandaag = vandaag or timezone.localdate()
    ouders = list(leerling.ouders.all())
    items = tijdlijn(leerling, user=user)
    afspraken = open_afspraken(leerling)
    for a in afspraken:
        a.te_laat = a.is_te_laat(vandaag)
    return {
        "leerling": leerling,
        "leeftijd": leerling.leeftijd_op(vandaag),
        "ouders": ouders,
        "inschrijvingen": list(leerling.inschrijvingen.select_related("school").order_by("-van")),
        "tijdlijn": items,
        "stand": checklist_stand(items),
        "afspraken": afspraken,
        "opp": opp_overzicht(leerling, ouders, vandaag),
        "medewerkers": betrokken_medewerkers(leerling),
        "aanwezigen": aanwezigen_ot(leerling),
        "documenten": documenten(leerling, vandaag),
        "wie_keek": wie_keek(leerling),
        "onderinstroom": dossier_onderinstroom(leerling, user=user),
        "vandaag": vandaag,
    }


# --- search and "Mijn werk" ------------------------------------------------------------------------


def zoek_leerlingen(user, *, naam: str = "", geboortedatum: date | None = None):
    qs = Leerling.objects.filter_for_user(user).select_related("huidige_school")
    for woord in naam.split():
        qs = qs.filter(
            Q(voornaam__icontains=woord) | Q(tussenvoegsel__icontains=woord) | Q(achternaam__icontains=woord)
        )
    if geboortedatum:
        qs = qs.filter(geboortedatum=geboortedatum)
    return qs.order_by("achternaam", "voornaam", "pk")


@dataclass
class MijnWerk:
    afspraken: list[Afspraak]
    concepten: list[OTBespreking]
    opp_concepten: list[OPP]
    oude_opps: list[dict]
    aantal_te_laat: int = 0


def mijn_werk(user, *, vandaag: date | None = None, max_regels: int = 15) -> MijnWerk:
    """For the IB'er: open afspraken, concept-verslagen, and OPP's that are getting old."""
    vandaag = vandaag or timezone.localdate()
    leerlingen = Leerling.objects.filter_for_user(user)
    afspraken = list(
        Afspraak.objects.open()
        .filter(leerling__in=leerlingen)
        .select_related("leerling")
        .order_by("uiterlijk", "pk")[:max_regels]
    )
    for a in afspraken:
        a.te_laat = a.is_te_laat(vandaag)
    concepten = list(
        OTBespreking.objects.filter(leerling__in=leerlingen, status=Status.CONCEPT)
        .select_related("leerling")
        .order_by("gewijzigd_op")[:max_regels]
    )
    opp_concepten = list(
        OPP.objects.filter(leerling__in=leerlingen, status=Status.CONCEPT)
        .select_related("leerling")
        .order_by("gewijzigd_op")[:max_regels]
    )
    # The newest vastgesteld OPP per leerling, when it is (nearly) older than half a year.
    bijna = plus_maanden(vandaag, -OPP_BIJNA_OUD_MAANDEN)
    oude = list(
        OPP.objects.vastgesteld()
        .filter(leerling__in=leerlingen)
        .values("leerling_id", "leerling__voornaam", "leerling__tussenvoegsel", "leerling__achternaam")
        .annotate(laatste=Max("datum"))
        .filter(laatste__lt=bijna)
        .order_by("laatste")[:max_regels]
    )
    for rij in oude:
        rij["naam"] = " ".join(
            p
            for p in (rij["leerling__voornaam"], rij["leerling__tussenvoegsel"], rij["leerling__achternaam"])
            if p
        )
        rij["te_oud"] = plus_maanden(rij["laatste"], OPP_MAX_MAANDEN) < vandaag
        rij["verloopt"] = plus_maanden(rij["laatste"], OPP_MAX_MAANDEN)
    return MijnWerk(
        afspraken=afspraken,
        concepten=concepten,
        opp_concepten=opp_concepten,
        oude_opps=oude,
        aantal_te_laat=sum(1 for a in afspraken if a.te_laat) + sum(1 for r in oude if r["te_oud"]),
    )
