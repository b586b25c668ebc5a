"""Reads of the onderinstroom: the list of young children in beeld, one child's page, the dossier
panel and timeline items. Every read starts from `Onderinstroom.objects.filter_for_user`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from cases.onderinstroom.models.onderinstroom import (
    Onderinstroom,
    drie_en_half_jaar_op,
    leeftijd_tekst,
    vier_jaar_op,
)
from cases.onderinstroom.services import is_cjk_van, is_sc_van, is_school_van, is_swv_bureau
from cases.tijdlijn import TijdlijnItem

LIJST_RELATED = (
    "leerling",
    "regio",
    "voorschool",
    "school_van_aanmelding",
    "overdrachtsdocument",
    "overgangsarrangement",
)


@dataclass
class KindRij:
    ond: Onderinstroom
    leeftijd: str
    drie_en_half_op: date
    drie_en_half_bereikt: bool
    vier_op: date
    document: str
    arrangement: str


def _document_stand(ond: Onderinstroom) -> str:
    doc = getattr(ond, "overdrachtsdocument", None)
    if doc is None:
        return "nog niet ingevuld"
    if not doc.is_afgeleverd:
        return "concept"
    return "afgeleverd, gezien" if doc.gezien_op else "afgeleverd"


def kinderen_in_beeld(user, *, zoek: str = "", vandaag: date | None = None) -> list[KindRij]:
    """Young children of the user's scope with their age and whether 3,5 years is reached [002 L801];
    one query whatever the number of children."""
    vandaag = vandaag or timezone.localdate()
    qs = Onderinstroom.objects.filter_for_user(user).select_related(*LIJST_RELATED)
    if zoek:
        qs = qs.filter(Q(leerling__achternaam__icontains=zoek) | Q(leerling__voornaam__icontains=zoek))
    rijen = []
    for ond in qs.order_by("leerling__geboortedatum", "pk"):
        geboren = ond.leerling.geboortedatum
        arr = getattr(ond, "overgangsarrangement", None)
        rijen.append(
            KindRij(
                ond=ond,
                leeftijd=leeftijd_tekst(geboren, vandaag),
                drie_en_half_op=drie_en_half_jaar_op(geboren),
                drie_en_half_bereikt=vandaag >= drie_en_half_jaar_op(geboren),
                vier_op=vier_jaar_op(geboren),
                document=_document_stand(ond),
                arrangement=f"{arr.fase(vandaag)} t/m {arr.einde:%d-%m-%Y}" if arr else "",
            )
        )
    return rijen


def onderinstroom_voor(user, pk: int) -> Onderinstroom:
    ond = (
        Onderinstroom.objects.filter_for_user(user)
        .select_related(
            "leerling",
            "regio",
            "voorschool",
            "school_van_aanmelding__regio",
            "cjk",
            "overdracht_sc",
            "overdrachtsdocument__afgeleverd_door",
            "overdrachtsdocument__afgeleverd_aan",
            "overdrachtsdocument__gezien_door",
            "overgangsarrangement__school",
            "overgangsarrangement__geevalueerd_door",
            "overgangsarrangement__aangevraagd_door",
        )
        .filter(pk=pk)
        .first()
    )
    if ond is None:
        raise Http404("Geen onderinstroom gevonden.")
    return ond


@dataclass(frozen=True)
class Rechten:
    cjk: bool  # advies, overdracht, document invullen en afleveren
    sc: bool  # overgangsarrangement aanvragen, evalueren
    school: bool  # het afgeleverde document, evalueren, TLV aanvragen
    bureau: bool
    # what may be read: the CJK's own work (advies, overdracht, concept-document) is not the school's
    ziet_cjk_werk: bool


def rechten(user, ond: Onderinstroom) -> Rechten:
    cjk, sc, bureau = is_cjk_van(user, ond), is_sc_van(user, ond), is_swv_bureau(user, ond)
    return Rechten(
        cjk=cjk, sc=sc, school=is_school_van(user, ond), bureau=bureau, ziet_cjk_werk=cjk or sc or bureau
    )


def document_van(ond: Onderinstroom):
    return getattr(ond, "overdrachtsdocument", None)


def dossier_onderinstroom(leerling, *, user) -> Onderinstroom | None:
    """The dossier panel: this child's onderinstroom if the user may open it (one query)."""
    return (
        Onderinstroom.objects.filter_for_user(user)
        .filter(leerling=leerling)
        .select_related("overdrachtsdocument", "overgangsarrangement", "school_van_aanmelding")
        .first()
    )


def tijdlijn_items(leerling_ids, *, user):
    """Dossier timeline: CJK betrokken, document afgeleverd, overgangsarrangement (one query)."""
    items = []
    rijen = Onderinstroom.objects.filter(leerling_id__in=leerling_ids).select_related(
        "overdrachtsdocument", "overgangsarrangement"
    )
    for ond in rijen:
        url = reverse("onderinstroom_detail", args=[ond.pk])
        if ond.cjk_betrokken_op:
            items.append(
                TijdlijnItem(
                    ond.leerling_id, ond.cjk_betrokken_op, "Onderinstroom", "CJK betrokken", url, "advies"
                )
            )
        doc = getattr(ond, "overdrachtsdocument", None)
        if doc is not None and doc.afgeleverd_op:
            items.append(
                TijdlijnItem(
                    ond.leerling_id,
                    timezone.localdate(doc.afgeleverd_op),
                    "Onderinstroom",
                    "Overdrachtsdocument jonge kind afgeleverd",
                    url,
                    "afgeleverd",
                )
            )
        arr = getattr(ond, "overgangsarrangement", None)
        if arr is not None:
            items.append(
                TijdlijnItem(
                    ond.leerling_id,
                    arr.start,
                    "Onderinstroom",
                    f"Overgangsarrangement t/m {arr.einde:%d-%m-%Y}",
                    url,
                    arr.fase(),
                    stap=8,
                )
            )
    return items


def lopende_arrangementen(user, *, vandaag: date | None = None) -> list:
    """'Mijn werk': overgangsarrangementen not yet evaluated in the user's scope, soonest end first."""
    vandaag = vandaag or timezone.localdate()
    qs = (
        Onderinstroom.objects.filter_for_user(user)
        .filter(overgangsarrangement__isnull=False, overgangsarrangement__uitkomst="")
        .select_related("leerling", "overgangsarrangement__school")
        .order_by("overgangsarrangement__einde")
    )
    return [(o, o.overgangsarrangement, o.overgangsarrangement.dagen_tot_einde(vandaag)) for o in qs[:20]]
