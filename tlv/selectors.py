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
from tlv.models import TLV, Opschorting, Overgang, Status, TLVAanvraag, Toewijzing, Verdaging
from tlv.models.aanvraag import BESLUITEN
from tlv.termijnen import beslistermijn, herindicatie_aanvragen_uiterlijk, schooljaar_einde


def werklijst(user, *, statussen=None, regio_id=None, school_id=None, alleen_eigen_toewijzing=False):
    qs = (
        TLVAanvraag.objects.filter_for_user(user)
        .select_related("leerling", "school", "regio")
        .prefetch_related("opschortingen", "verdagingen")
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
            a, vandaag=vandaag, opschortingen=a.opschortingen.all(), verdagingen=a.verdagingen.all()
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

FASEN = (
    ("formele check", (Status.INGEDIEND,)),
    ("inhoudelijke check", (Status.INHOUDELIJKE_CHECK,)),
    ("deskundigen toewijzen", (Status.DESKUNDIGEN_TOEWIJZEN,)),
    ("adviezen", (Status.ADVIEZEN,)),
    ("eindadvies", (Status.EINDADVIES,)),
    ("TLA-vergadering", (Status.TLA_VERGADERING,)),
    ("ter ondertekening", (Status.TER_ONDERTEKENING,)),
)


@dataclass
class Doorlooptijd:
    aanvraag: TLVAanvraag
    fasen: dict[str, int]
    opgeschort: int
    bruto: int
    netto: int
    op_tijd: bool
    maand: str


def doorlooptijden(user, *, van: date | None = None, tot: date | None = None, regio_id=None, school_id=None):
    """Per decided aanvraag: days per stage (from the Overgang rows), suspended days, the net
    doorlooptijd and whether it was decided within the (suspended / extended) term [002 §1.9]."""
    from cases.termijnen import opgeschorte_dagen

    qs = (
        TLVAanvraag.objects.filter_for_user(user)
        .filter(besluit_op__isnull=False, ontvangen_op__isnull=False)
        .select_related("school", "regio", "leerling")
        .prefetch_related(
            Prefetch("opschortingen", queryset=Opschorting.objects.order_by("verzoek_op")),
            Prefetch("verdagingen", queryset=Verdaging.objects.order_by("gemeld_op")),
            Prefetch("overgangen", queryset=Overgang.objects.order_by("op", "pk")),
        )
        .order_by("besluit_op", "pk")
    )
    if van:
        qs = qs.filter(besluit_op__gte=van)
    if tot:
        qs = qs.filter(besluit_op__lte=tot)
    if regio_id:
        qs = qs.filter(regio_id=regio_id)
    if school_id:
        qs = qs.filter(school_id=school_id)
    rijen = []
    for a in qs:
        paren = [(o.verzoek_op, o.ontvangen_op) for o in a.opschortingen.all() if o.ontvangen_op]
        stand = beslistermijn(
            a, vandaag=a.besluit_op, opschortingen=a.opschortingen.all(), verdagingen=a.verdagingen.all()
        )
        fasen = {naam: 0 for naam, _ in FASEN}
        overgangen = list(a.overgangen.all())
        for huidige, volgende in zip(overgangen, overgangen[1:], strict=False):
            for naam, statussen in FASEN:
                if huidige.naar in statussen:
                    fasen[naam] += (volgende.datum - huidige.datum).days
        opgeschort = opgeschorte_dagen(paren)
        bruto = (a.besluit_op - a.ontvangen_op).days
        rijen.append(
            Doorlooptijd(
                a,
                fasen,
                opgeschort,
                bruto,
                bruto - opgeschort,
                a.besluit_op <= stand.einde,
                f"{a.besluit_op:%Y-%m}",
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
        sleutel = {"maand": r.maand, "regio": r.aanvraag.regio.naam, "school": r.aanvraag.school.naam}[per]
        groepen[sleutel].append(r)
    return [
        Groep(k, len(v), sum(1 for r in v if r.op_tijd), statistics.median(r.netto for r in v))
        for k, v in sorted(groepen.items())
    ]
