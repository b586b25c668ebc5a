"""Reads of the ouderportaal [issue 17]. `kinderen_van(user)` is the one scope rule that every portal
view uses: children for whom a not withdrawn koppeling of this user points at an Ouder record with
gezag *now* (checked on every request, so gezag ending ends access at once)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from cases.dossier.models.opp import OPP
from cases.dossier.models.ot import OTBespreking, Status
from cases.models.brieven import Brief
from cases.models.leerling import Leerling, Ouder
from cases.models.rollen import Rol, RolSoort
from cases.ouderportaal.models.toegang import OuderKoppeling, OuderUitnodiging
from cases.ouderportaal.zaken import zaken_van

_CACHE = "_passend_ouder_koppelingen"


def actieve_koppelingen(user) -> list[OuderKoppeling]:
    """This request's active koppelingen of the user (cached on the user object: one query)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(
            OuderKoppeling.objects.actief()
            .filter(gebruiker_id=user.pk)
            .select_related("ouder__leerling__huidige_school", "ouder__leerling__swv")
            .order_by("ouder__leerling__voornaam", "ouder__leerling_id")
        )
        setattr(user, _CACHE, cached)
    return cached


def is_ouder(user) -> bool:
    """The user has an ouder account (a koppeling, active or not): the portal is his place."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return OuderKoppeling.objects.filter(gebruiker_id=user.pk).exists()


def kinderen_van(user) -> list[Leerling]:
    """The children this user may see now [issue 17]."""
    gezien: dict[int, Leerling] = {}
    for k in actieve_koppelingen(user):
        gezien.setdefault(k.ouder.leerling_id, k.ouder.leerling)
    return list(gezien.values())


def kind_van(user, pk: int) -> Leerling:
    """One child of this user, or 404 (another family's child, gezag ended, access withdrawn)."""
    for kind in kinderen_van(user):
        if kind.pk == pk:
            return kind
    raise Http404("Dit kind hoort niet bij uw account.")


def ouders_van(user, kind: Leerling) -> list[Ouder]:
    return [k.ouder for k in actieve_koppelingen(user) if k.ouder.leerling_id == kind.pk]


# --- what ouders see ------------------------------------------------------------------------------


def brieven_van(user, kind: Leerling):
    """Letters about the child addressed to (one of) this user's Ouder records, with a stored PDF.
    Matched on the addressee's name as the letter holds it (JSON), in Python: portable SQL."""
    namen = {o.naam.strip().lower() for o in ouders_van(user, kind)}
    rijen = (
        Brief.objects.filter(leerling=kind, aan_ouders=True)
        .exclude(pdf="")
        .exclude(sha256="")
        .only(
            "pk",
            "leerling_id",
            "soort",
            "kenmerk",
            "onderwerp",
            "gerenderd_op",
            "aangemaakt_op",
            "geadresseerden",
            "pdf",
            "sha256",
            "bezwaarclausule",
            "content_type_id",
            "object_id",
        )
        .order_by("-aangemaakt_op", "-pk")
    )
    bezwaarbaar = _bezwaar_in_portaal_ct_ids()
    brieven = [b for b in rijen if _aan(b, namen)]
    for b in brieven:  # the portal takes a bezwaar against a TLV decision or a verwijdering only
        b.bezwaar_in_portaal = b.bezwaarclausule and b.content_type_id in bezwaarbaar
    return brieven


def _bezwaar_in_portaal_ct_ids() -> set[int]:
    from django.contrib.contenttypes.models import ContentType

    from cases.ouderportaal.services.bezwaar import BEZWAAR_IN_PORTAAL

    # get_by_natural_key is cached by ContentType's manager: no query per page
    return {ContentType.objects.get_by_natural_key(app, model).pk for app, model in BEZWAAR_IN_PORTAAL}


def namen_op(brief: Brief) -> set[str]:
    """The addressees' names as the letter holds them (JSON), lower-cased: who a letter is for."""
    return {str(g.get("naam", "")).strip().lower() for g in brief.geadresseerden or [] if isinstance(g, dict)}


def _aan(brief: Brief, namen: set[str]) -> bool:
    return bool(namen_op(brief) & namen)


def brief_van(user, pk: int) -> Brief:
    """One letter of this user's children, under the same rules as the list (brieven_van), or 404."""
    kinderen = {k.pk: k for k in kinderen_van(user)}
    leerling_id = (
        Brief.objects.filter(pk=pk, leerling_id__in=kinderen).values_list("leerling_id", flat=True).first()
    )
    if leerling_id is not None:
        kind = kinderen[leerling_id]
        for brief in brieven_van(user, kind):
            if brief.pk == pk:
                brief.leerling = kind
                return brief
    raise Http404("Deze brief hoort niet bij uw account.")


def opps_van(kind: Leerling) -> list[OPP]:
    """Only vastgestelde versions: a concept is the school's draft, not yet for ouders."""
    return list(
        OPP.objects.filter(leerling=kind, status=Status.VASTGESTELD)
        .order_by("-versie")
        .only("pk", "leerling_id", "versie", "datum", "status", "vastgesteld_op")
    )


def opp_van(user, pk: int) -> OPP:
    kinderen = {k.pk: k for k in kinderen_van(user)}
    opp = (
        OPP.objects.filter(pk=pk, leerling_id__in=kinderen, status=Status.VASTGESTELD)
        .prefetch_related("interventies")
        .first()
    )
    if opp is None:
        raise Http404("Dit OPP hoort niet bij uw account.")
    opp.leerling = kinderen[opp.leerling_id]
    return opp


def verslagen_van(kind: Leerling) -> list[OTBespreking]:
    return list(
        OTBespreking.objects.filter(leerling=kind, status=Status.VASTGESTELD)
        .order_by("-datum", "-pk")
        .only("pk", "leerling_id", "soort", "datum", "status")
    )


def verslag_van(user, pk: int) -> OTBespreking:
    kinderen = {k.pk: k for k in kinderen_van(user)}
    verslag = OTBespreking.objects.filter(pk=pk, leerling_id__in=kinderen, status=Status.VASTGESTELD).first()
    if verslag is None:
        raise Http404("Dit verslag hoort niet bij uw account.")
    verslag.leerling = kinderen[verslag.leerling_id]
    return verslag


@dataclass
class Afspraak:
    datum: date
    wat: str
    waar: str = ""


def afspraken_van(kind: Leerling, vandaag: date) -> list[Afspraak]:
    """Meetings ahead that ouders are invited to: a planned OT they were invited to, the next OT a
    verslag agreed on, an interventieteam meeting they were told about."""
    from cases.interventie.models.traject import InterventieBijeenkomst
    from cases.interventie.models.traject.keuzes import BijeenkomstStatus

    uit: list[Afspraak] = []
    for _soort, datum in OTBespreking.objects.filter(
        leerling=kind, status=Status.CONCEPT, ouders_uitgenodigd=True, datum__gte=vandaag
    ).values_list("soort", "datum"):
        uit.append(Afspraak(datum, "Gesprek met het ondersteuningsteam (OT) op school"))
    for (datum,) in OTBespreking.objects.filter(
        leerling=kind, status=Status.VASTGESTELD, vervolg_datum__gte=vandaag
    ).values_list("vervolg_datum"):
        if not any(a.datum == datum for a in uit):
            uit.append(Afspraak(datum, "Volgend gesprek met het ondersteuningsteam (OT)"))
    for datum, locatie in InterventieBijeenkomst.objects.filter(
        traject__leerling=kind,
        status=BijeenkomstStatus.GEPLAND,
        datum__gte=vandaag,
        ouders_geinformeerd_op__isnull=False,
    ).values_list("datum", "locatie"):
        uit.append(Afspraak(datum, "Bijeenkomst van het interventieteam", locatie))
    return sorted(uit, key=lambda a: a.datum)


def contactpersonen(kind: Leerling) -> list[Rol]:
    """Who to contact: the IB'er of the child's school; else the school's directeur."""
    if kind.huidige_school_id is None:
        return []
    rollen = list(
        Rol.objects.filter(
            actief=True, school_id=kind.huidige_school_id, soort__in=[RolSoort.IB, RolSoort.DIRECTEUR]
        )
        .select_related("gebruiker")
        .order_by("soort", "gebruiker__last_name")
    )
    ib = [r for r in rollen if r.soort == RolSoort.IB]
    return ib or rollen[:1]


def kind_overzicht(user, kind: Leerling, *, vandaag: date | None = None) -> dict:
    """Everything `ouders:kind` shows, in a constant number of queries."""
    vandaag = vandaag or timezone.localdate()
    opps = opps_van(kind)
    return {
        "kind": kind,
        "opp": opps[0] if opps else None,
        "eerdere_opps": opps[1:],
        "verslagen": verslagen_van(kind),
        "afspraken": afspraken_van(kind, vandaag),
        "brieven": brieven_van(user, kind),
        "zaken": zaken_van(kind),
        "contact": contactpersonen(kind),
        "swv": kind.swv,
    }


# --- the dossier panel for staff -------------------------------------------------------------------


@dataclass
class PortaalRegel:
    ouder: Ouder
    koppeling: OuderKoppeling | None
    uitnodiging: OuderUitnodiging | None

    @property
    def toestand(self) -> str:
        if self.koppeling is not None and self.koppeling.ingetrokken_op is None:
            return "actief"
        if self.uitnodiging is not None:
            return "uitgenodigd"
        return "niet"


def portaal_regels(leerling: Leerling) -> list[PortaalRegel]:
    """Per ouder with gezag and an e-mail address: not invited, invited (until), active (2 queries)."""
    nu = timezone.now()
    ouders = list(
        Ouder.objects.filter(leerling=leerling, gezag=True)
        .exclude(email="")
        .select_related("portaal_koppeling")
        .prefetch_related(
            Prefetch(
                "uitnodigingen",
                queryset=OuderUitnodiging.objects.open(nu).order_by("-aangemaakt_op"),
                to_attr="open_uitnodigingen",
            )
        )
        .order_by("naam")
    )
    regels = []
    for o in ouders:
        try:
            koppeling = o.portaal_koppeling
        except OuderKoppeling.DoesNotExist:
            koppeling = None
        regels.append(PortaalRegel(o, koppeling, o.open_uitnodigingen[0] if o.open_uitnodigingen else None))
    return regels


def ouder_accounts(gebruiker_ids) -> set[int]:
    """Which of these users are ouders (for 'wie heeft dit dossier ingezien')."""
    return set(
        OuderKoppeling.objects.filter(gebruiker_id__in=[g for g in gebruiker_ids if g]).values_list(
            "gebruiker_id", flat=True
        )
    )
