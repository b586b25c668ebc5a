"""The TLV register of the SWV [issue 16.8]: every TLV issued, with the school of plaatsing and the
SWV that pays [002 L215-217], filterable for the bekostiging. Reads only; the pages and exports are
in tlv/register_views.py.

The school of plaatsing is derived, never stored: the pupil's enrolment at a school of the TLV's
schoolsoort (sbo for a TLV sbo, so for a TLV so) that overlaps the TLV's looptijd — the current one,
or else the last one within the looptijd. None: "nog niet geplaatst"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, OuterRef, Q, Subquery

from cases.models import Inschrijving, School
from cases.models.rollen import SWV_BUREAU
from cases.scope import schooltoegang, scope_for
from tlv.models import TLV
from tlv.models.besluit import BekostigingGrond

SCHOOLSOORTEN = {"sbo": "sbo", "so": "so"}
CATEGORIEEN = {"laag": "laag (categorie 1)", "midden": "midden (categorie 2)", "hoog": "hoog (categorie 3)"}
NIET_GEPLAATST = "geen"  # the filter value for "nog niet geplaatst"


@dataclass(frozen=True)
class Filters:
    """The register's filters as understood (an unusable value is already dropped)."""

    van: date | None = None  # afgegeven op of na
    tot: date | None = None  # afgegeven op of vóór
    schoolsoort: str = ""
    categorie: str = ""
    peildatum: date | None = None  # geldig op: ingangsdatum ≤ peildatum ≤ einddatum
    regio_id: int | None = None  # regio van de aanvraag (de verwijzende school)
    school: str = ""  # school van plaatsing: a pk as text, or NIET_GEPLAATST
    bekostigend_swv: str = ""
    zoek: str = ""


def _plaatsingen(*, leerling_id, schoolsoort, ingangsdatum, einddatum):
    """Enrolments that count as the placement of a TLV, the best first: open (current) before ended,
    then the latest. The arguments are values or OuterRef's."""
    return (
        Inschrijving.objects.filter(leerling_id=leerling_id, school__soort=schoolsoort, van__lte=einddatum)
        .filter(Q(tot__isnull=True) | Q(tot__gte=ingangsdatum))
        .order_by(F("tot").desc(nulls_first=True), "-van", "-pk")
    )


def _plaatsingen_buiten():
    return _plaatsingen(
        leerling_id=OuterRef("leerling_id"),
        schoolsoort=OuterRef("schoolsoort"),
        ingangsdatum=OuterRef("ingangsdatum"),
        einddatum=OuterRef("einddatum"),
    )


def tlvs_voor(user):
    """The TLVs of the SWV's where the user works at the bureau (SWV_BUREAU: sll, tla, bestuurder,
    beheerder); nothing for anyone else. Tenant isolation: never another SWV's TLV."""
    scope = scope_for(user)
    qs = TLV.objects.all()
    if scope.alles:
        return qs
    if not scope.heeft(*SWV_BUREAU):
        return qs.none()
    return qs.filter(swv_id__in=scope.swv_ids)


def bladen_voor(user):
    """Whose blad a user may read: the SWV bureau every TLV of its SWV; the schoolleiding (ib,
    directeur) of an sbo or so school the TLV of a pupil enrolled there now, at a school of the
    TLV's soort (cases.scope.schooltoegang, the rule for school staff). The view checks that this
    school is the school of plaatsing."""
    scope = scope_for(user)
    if scope.alles:
        return TLV.objects.all()
    school = TLV.objects.filter(
        schooltoegang(scope, school="leerling__huidige_school"),
        leerling__huidige_school__soort=F("schoolsoort"),
    )
    return (tlvs_voor(user) | school).distinct()


def met_plaatsing_id(qs):
    sub = _plaatsingen_buiten()
    return qs.annotate(
        plaatsing_id=Subquery(sub.values("pk")[:1]),
        plaatsing_school_id=Subquery(sub.values("school_id")[:1]),
    )


def gefilterd(user, f: Filters):
    qs = met_plaatsing_id(tlvs_voor(user))
    if f.van:
        qs = qs.filter(afgegeven_op__gte=f.van)
    if f.tot:
        qs = qs.filter(afgegeven_op__lte=f.tot)
    if f.schoolsoort:
        qs = qs.filter(schoolsoort=f.schoolsoort)
    if f.categorie:
        qs = qs.filter(categorie=f.categorie)
    if f.peildatum:
        qs = qs.geldig_op(f.peildatum)
    if f.regio_id:
        qs = qs.filter(aanvraag__regio_id=f.regio_id)
    if f.school == NIET_GEPLAATST:
        qs = qs.filter(plaatsing_school_id__isnull=True)
    elif f.school:
        qs = qs.filter(plaatsing_school_id=int(f.school))
    if f.bekostigend_swv:
        qs = qs.filter(bekostigend_swv=f.bekostigend_swv)
    if f.zoek:
        for woord in f.zoek.split():
            qs = qs.filter(
                Q(kenmerk__icontains=woord)
                | Q(leerling__voornaam__icontains=woord)
                | Q(leerling__tussenvoegsel__icontains=woord)
                | Q(leerling__achternaam__icontains=woord)
            )
    return qs


def voor_weergave(qs):
    return qs.select_related("leerling", "swv", "aanvraag__school", "aanvraag__regio").order_by(
        "-afgegeven_op", "-pk"
    )


def zet_plaatsing(tlvs) -> list:
    """Give each TLV its `plaatsing` (an Inschrijving with its school, or None) in one query."""
    tlvs = list(tlvs)
    ids = [t.plaatsing_id for t in tlvs if t.plaatsing_id]
    inschrijvingen = Inschrijving.objects.select_related("school").in_bulk(ids) if ids else {}
    for t in tlvs:
        t.plaatsing = inschrijvingen.get(t.plaatsing_id)
    return tlvs


def plaatsing_van(tlv: TLV) -> Inschrijving | None:
    return (
        _plaatsingen(
            leerling_id=tlv.leerling_id,
            schoolsoort=tlv.schoolsoort,
            ingangsdatum=tlv.ingangsdatum,
            einddatum=tlv.einddatum,
        )
        .select_related("school")
        .first()
    )


def stand_op(tlv: TLV, dag: date) -> str:
    """Geldig, verlopen or nog niet ingegaan on `dag` [002 §1.16: up to and including the einddatum]."""
    if dag < tlv.ingangsdatum:
        return "nog niet ingegaan"
    if dag > tlv.einddatum:
        return "verlopen"
    return "geldig"


@dataclass(frozen=True)
class Telling:
    label: str
    aantal: int


def tellingen(qs) -> dict:
    """Totals of the filtered set for the bekostiging: per soort and categorie, and per paying SWV,
    in one query."""
    rijen = list(qs.order_by().values("schoolsoort", "categorie", "bekostigend_swv").annotate(n=Count("pk")))
    per_soort: Counter = Counter()
    per_swv: Counter = Counter()
    for r in rijen:
        per_soort[(r["schoolsoort"], r["categorie"])] += r["n"]
        per_swv[r["bekostigend_swv"] or "onbekend"] += r["n"]
    soorten = [Telling("sbo", per_soort.pop(("sbo", ""), 0))]
    for code, label in CATEGORIEEN.items():
        soorten.append(Telling(f"so, {label}", per_soort.pop(("so", code), 0)))
    if n := per_soort.pop(("so", ""), 0):
        soorten.append(Telling("so, zonder bekostigingscategorie", n))
    for (soort, categorie), n in sorted(per_soort.items()):  # data outside the known codes
        soorten.append(Telling(f"{soort} {categorie}".strip(), n))
    return {
        "per_soort": soorten,
        "per_swv": [Telling(k, v) for k, v in sorted(per_swv.items())],
        "totaal": sum(t.aantal for t in soorten),
    }


def keuzes(user) -> dict:
    """The options of the filters: the sbo/so schools of the user's SWV's and the paying SWV's that
    occur in its register."""
    scope = scope_for(user)
    scholen = School.objects.filter(soort__in=list(SCHOOLSOORTEN)).order_by("naam")
    if not scope.alles:
        scholen = scholen.filter(swv_id__in=scope.swv_ids)
    swvs = (
        tlvs_voor(user)
        .exclude(bekostigend_swv="")
        .order_by("bekostigend_swv")
        .values_list("bekostigend_swv", flat=True)
        .distinct()
    )
    return {"scholen": list(scholen.only("pk", "naam")), "bekostigende_swvs": list(swvs)}


def grond_label(code: str) -> str:
    return dict(BekostigingGrond.choices).get(code, code)
