"""Reads of the TLV app: worklists (a fixed number of queries per page, whatever its length), the
aanvraag with its dossier check, the herindicatie list and the doorlooptijden."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from cases.services.audit import log_inzage
from tlv.fasen import FASEN, dagen_per_fase
from tlv.models import TLV, Opschorting, Overgang, Status, TLVAanvraag, Toewijzing, Verdaging
from tlv.models.keuzes import BESLUITEN
from tlv.termijnen import beslistermijn, herindicatie_aanvragen_uiterlijk, schooljaar_einde


def werklijst(user, *, statussen=None, regio_id=None, school_id=None, alleen_eigen_toewijzing=False):
    qs = (
        TLVAanvraag.objects.filter_for_user(user)
        .select_related("leerling", "school", "regio")
        .prefetch_related(
            "opschortingen",
            "verdagingen",
            Prefetch(
                "overgangen",
                queryset=Overgang.objects.filter(naar=Status.INGETROKKEN),
                to_attr="intrekkingen",
            ),
        )
        .order_by("ontvangen_op", "pk")
    )
    if statussen:
        qs = qs.filter(status__in=statussen)
    if regio_id:
        qs = qs.filter(regio_id=regio_id)
    if school_id:
        qs = qs.filter(school_id=school_id)
    if alleen_eigen_toewijzing:
        qs = qs.filter(
            toewijzingen__deskundige=user, toewijzingen__beeindigd_op__isnull=True
        ).prefetch_related(
            Prefetch(
                "toewijzingen",
                queryset=Toewijzing.objects.filter(deskundige=user).select_related("advies"),
                to_attr="mijn_toewijzingen",
            )
        )
    return qs


def met_termijn(aanvragen, vandaag: date) -> list:
    """Attach the term's stand to each row (prefetched: no query per row)."""
    uit = []
    for a in aanvragen:
        a.termijn = beslistermijn(
            a,
            vandaag=vandaag,
            opschortingen=a.opschortingen.all(),
            verdagingen=a.verdagingen.all(),
            intrekkingen=getattr(a, "intrekkingen", None),
            uitleg=False,
        )
        uit.append(a)
    return uit


def aanvraag_voor(request, pk: int) -> TLVAanvraag:
    """The aanvraag if the user may see it (404 otherwise); the read is logged (AVG)."""
    aanvraag = get_object_or_404(
        TLVAanvraag.objects.filter_for_user(request.user).select_related(
            "leerling", "school", "regio", "swv"
        ),
        pk=pk,
    )
    log_inzage(request=request, leerling=aanvraag.leerling, obj=aanvraag, omschrijving="TLV-aanvraag bekeken")
    return aanvraag


# --- herindicatie ----------------------------------------------------------------------------------


def herindicaties(user, *, vandaag: date, regio_id=None, school_id=None):
    """TLV's ending within the coming school year (up to 31 July after the next one begins), with
    the date by which the herindicatie must be requested [002 §1.21]."""
    tot = schooljaar_einde(vandaag).replace(year=schooljaar_einde(vandaag).year + 1)
    qs = (
        TLV.objects.filter_for_user(user)
        .filter(
            einddatum__gte=vandaag,
            einddatum__lte=tot,
            aanvraag__status__in=[*BESLUITEN, Status.IN_BEZWAAR, Status.BEZWAAR_BESLIST],
        )
        .exclude(herindicaties__status__in=[s for s in Status.values if s != Status.INGETROKKEN])
        .select_related("leerling", "aanvraag__school", "aanvraag__regio")
        .order_by("einddatum", "pk")
    )
    if regio_id:
        qs = qs.filter(aanvraag__regio_id=regio_id)
    if school_id:
        qs = qs.filter(aanvraag__school_id=school_id)
    rijen = []
    for tlv in qs:
        tlv.aanvragen_uiterlijk = herindicatie_aanvragen_uiterlijk(tlv.einddatum)
        tlv.te_laat = tlv.aanvragen_uiterlijk < vandaag
        rijen.append(tlv)
    return rijen


# --- doorlooptijden ---------------------------------------------------------------------------------


@dataclass
class Doorlooptijd:
    aanvraag: dict  # pk, ontvangen_op, besluit_op, school, regio
    fasen: dict[str, int]
    opgeschort: int
    bruto: int
    netto: int
    op_tijd: bool
    maand: str


def doorlooptijden(
    user,
    *,
    van: date | None = None,
    tot: date | None = None,
    regio_id=None,
    school_id=None,
    fasen_voor: int | None = None,
):
    """Per decided aanvraag: days per stage (tlv/fasen.py: from receipt over the Overgang rows to
    the decision, adding up to the gross days), suspended days, the net
    doorlooptijd and whether it was decided within the (suspended / extended) term [002 §1.9].
    Four queries whatever the number of rows (values, no model instances), so the overview of
    thousands of decisions stays fast; `fasen_voor=N` computes the days per stage only for the
    first N rows (the page shows those; the export asks for all)."""
    from cases.termijnen import opgeschorte_dagen, tlv_beslistermijn

    qs = TLVAanvraag.objects.filter_for_user(user).filter(
        besluit_op__isnull=False, ontvangen_op__isnull=False
    )
    if van:
        qs = qs.filter(besluit_op__gte=van)
    if tot:
        qs = qs.filter(besluit_op__lte=tot)
    if regio_id:
        qs = qs.filter(regio_id=regio_id)
    if school_id:
        qs = qs.filter(school_id=school_id)
    aanvragen = list(
        qs.order_by("besluit_op", "pk").values(
            "pk", "ontvangen_op", "besluit_op", "school__naam", "regio__naam"
        )
    )
    ids = qs.values("pk")
    opsch: dict[int, list] = defaultdict(list)
    for aid, verzoek, ontvangen in Opschorting.objects.filter(
        aanvraag_id__in=ids, ontvangen_op__isnull=False
    ).values_list("aanvraag_id", "verzoek_op", "ontvangen_op"):
        opsch[aid].append((verzoek, ontvangen))
    verdaagd: dict[int, date] = {}
    for aid, nieuw in Verdaging.objects.filter(aanvraag_id__in=ids).values_list(
        "aanvraag_id", "nieuwe_termijn"
    ):
        verdaagd[aid] = max(nieuw, verdaagd.get(aid, nieuw))
    overgangen: dict[int, list] = defaultdict(list)
    met_fasen = None if fasen_voor is None else {a["pk"] for a in aanvragen[:fasen_voor]}
    fase_ids = ids if met_fasen is None else list(met_fasen)
    for aid, van_status, naar, datum in (
        Overgang.objects.filter(aanvraag_id__in=fase_ids)
        .order_by("aanvraag_id", "op", "pk")
        .values_list("aanvraag_id", "van", "naar", "datum")
    ):
        overgangen[aid].append((van_status, naar, datum))
    eindes: dict[tuple, date] = {}
    rijen = []
    for a in aanvragen:
        paren = opsch.get(a["pk"], [])
        if met_fasen is None or a["pk"] in met_fasen:
            fasen = dagen_per_fase(overgangen.get(a["pk"], []), a["ontvangen_op"], a["besluit_op"])
        else:
            fasen = {naam: 0 for naam, _ in FASEN}
        opgeschort = opgeschorte_dagen(paren)
        bruto = (a["besluit_op"] - a["ontvangen_op"]).days
        sleutel = (a["ontvangen_op"], tuple(paren))
        einde = eindes.get(sleutel)
        if einde is None:
            einde = eindes[sleutel] = tlv_beslistermijn(a["ontvangen_op"], opschortingen=paren)
        einde = max(einde, verdaagd.get(a["pk"], einde))
        rijen.append(
            Doorlooptijd(
                a,
                fasen,
                opgeschort,
                bruto,
                bruto - opgeschort,
                a["besluit_op"] <= einde,
                f"{a['besluit_op']:%Y-%m}",
            )
        )
    return rijen


@dataclass
class Groep:
    sleutel: str
    aantal: int
    op_tijd: int
    mediaan: float

    @property
    def percentage(self) -> int:
        return round(100 * self.op_tijd / self.aantal) if self.aantal else 0


def samenvatting(rijen: list[Doorlooptijd], per: str) -> list[Groep]:
    """Per month / regio / school: the percentage decided in time and the median net doorlooptijd."""
    groepen: dict[str, list[Doorlooptijd]] = defaultdict(list)
    for r in rijen:
        sleutel = {
            "maand": r.maand,
            "regio": r.aanvraag["regio__naam"],
            "school": r.aanvraag["school__naam"],
        }[per]
        groepen[sleutel].append(r)
    return [
        Groep(k, len(v), sum(1 for r in v if r.op_tijd), statistics.median(r.netto for r in v))
        for k, v in sorted(groepen.items())
    ]
