"""Deskundigen: assignment by the TLA-voorzitter with object-level access for as long as the
assignment lasts (django-guardian, granted and revoked here with the audit log), independent
adviezen, the eindadvies and the TLA-vergadering [002 §1.6, §1.7, §1.11]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from cases.models import Gebruiker, Rol, RolSoort
from cases.models.audit import AuditActie
from cases.models.rollen import (
    GEDRAGSDESKUNDIGEN,
    TWEEDE_DESKUNDIGEN,
    TWEEDE_DESKUNDIGEN_TEKST,
    Discipline,
)
from cases.scope import scope_for
from cases.services.audit import log
from cases.workflow import OvergangGeweigerd, vergrendel
from tlv.models import Advies, Eindadvies, Status, TLAVergadering, TLVAanvraag, Toewijzing
from tlv.models.advies import conflict_voor
from tlv.services.basis import stap

PERMS_AANVRAAG = ("tlv.view_tlvaanvraag", "tlv.adviseren_tlvaanvraag")


def discipline_van(user, swv_id: int) -> str:
    rol = Rol.objects.filter(gebruiker=user, soort=RolSoort.DESKUNDIGE, swv_id=swv_id, actief=True).first()
    return rol.discipline if rol else ""


def pool(aanvraag: TLVAanvraag) -> list[tuple[Gebruiker, str, str]]:
    """The SWV's deskundigen as (user, discipline, conflict) — conflict empty when free."""
    rollen = (
        Rol.objects.filter(soort=RolSoort.DESKUNDIGE, swv_id=aanvraag.swv_id, actief=True)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name")
    )
    return [(r.gebruiker, r.discipline, conflict_voor(r.gebruiker, aanvraag)) for r in rollen]


def voorstel_vo(aanvraag: TLVAanvraag) -> bool:
    """Groep 6, 7 or 8: if possible a deskundige vo as the 2nd [002 bijlage 3.11.1, §1.20]."""
    return (aanvraag.groep or 0) >= 6


def vo_waarschuwing(aanvraag: TLVAanvraag, tweede: Gebruiker) -> str:
    """A hint, not a block: groep 6–8 without a deskundige vo as the 2nd, while the pool has a free
    one [002 L658 'zo mogelijk een deskundige vo'; issue 16.5]. Empty when nothing to say."""
    if not voorstel_vo(aanvraag) or discipline_van(tweede, aanvraag.swv_id) == Discipline.DESKUNDIGE_VO:
        return ""
    vrij = [u for u, d, conflict in pool(aanvraag) if d == Discipline.DESKUNDIGE_VO and not conflict]
    if not vrij:
        return (
            f"Groep {aanvraag.groep}: er is geen vrije deskundige vo in de pool; de toewijzing is "
            "vastgelegd zonder deskundige vo [002 L658]."
        )
    namen = ", ".join(str(u) for u in vrij)
    return (
        f"Groep {aanvraag.groep}: zo mogelijk is de tweede deskundige een deskundige vo [002 L658]. "
        f"Vrij in de pool: {namen}. Vervang de tweede deskundige als dat kan."
    )


def _geef_toegang(toewijzing: Toewijzing, door, request=None) -> None:
    user, aanvraag = toewijzing.deskundige, toewijzing.aanvraag
    for perm in PERMS_AANVRAAG:
        assign_perm(perm, user, aanvraag)
    assign_perm("cases.view_leerling", user, aanvraag.leerling)
    log(
        actie=AuditActie.GEDEELD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"toegang deskundige #{user.pk} ({toewijzing.get_volgorde_display()}) verleend",
    )


def _trek_toegang_in(toewijzing: Toewijzing, door, request=None) -> None:
    user, aanvraag = toewijzing.deskundige, toewijzing.aanvraag
    for perm in PERMS_AANVRAAG:
        remove_perm(perm, user, aanvraag)
    # The leerling stays visible only if another active assignment for the same pupil remains.
    nog_actief = (
        Toewijzing.objects.filter(
            deskundige=user, aanvraag__leerling_id=aanvraag.leerling_id, beeindigd_op__isnull=True
        )
        .exclude(pk=toewijzing.pk)
        .exists()
    )
    if not nog_actief:
        remove_perm("cases.view_leerling", user, aanvraag.leerling)
    log(
        actie=AuditActie.INGETROKKEN,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"toegang deskundige #{user.pk} beëindigd",
    )


@transaction.atomic
def wijs_deskundigen_toe(
    *,
    aanvraag: TLVAanvraag,
    door,
    eerste: Gebruiker,
    tweede: Gebruiker,
    request=None,
    op: date | None = None,
) -> TLVAanvraag:
    """The TLA-voorzitter assigns two deskundigen: the 1st a gedragsdeskundige, the 2nd another
    discipline, neither involved with the pupil's school; each gets access to this aanvraag only."""
    aanvraag = vergrendel(aanvraag)
    if aanvraag.status != Status.DESKUNDIGEN_TOEWIJZEN:
        raise OvergangGeweigerd(
            [f"Deskundigen toewijzen kan niet in de status '{Status(aanvraag.status).label}'."]
        )
    if (
        not scope_for(door).heeft(RolSoort.TLA)
        or aanvraag.swv_id not in scope_for(door).swv_ids
        and not scope_for(door).alles
    ):
        raise PermissionDenied("Alleen de TLA-voorzitter wijst deskundigen toe.")
    fouten = {}
    if eerste.pk == tweede.pk:
        fouten["tweede"] = "Kies twee verschillende deskundigen."
    for veld, user in (("eerste", eerste), ("tweede", tweede)):
        if not discipline_van(user, aanvraag.swv_id):
            fouten[veld] = f"{user} staat niet in de pool van deskundigen van dit samenwerkingsverband."
        elif reden := conflict_voor(user, aanvraag):
            fouten[veld] = f"{user} is betrokken bij de school van de leerling: {reden}."
    if not fouten and discipline_van(eerste, aanvraag.swv_id) not in GEDRAGSDESKUNDIGEN:
        fouten["eerste"] = (
            "De eerste deskundige is altijd een orthopedagoog of psycholoog (gedragsdeskundige)."
        )
    if not fouten and discipline_van(eerste, aanvraag.swv_id) == discipline_van(tweede, aanvraag.swv_id):
        fouten["tweede"] = "De tweede deskundige adviseert vanuit een andere discipline dan de eerste."
    if not fouten and discipline_van(tweede, aanvraag.swv_id) not in TWEEDE_DESKUNDIGEN:
        fouten["tweede"] = TWEEDE_DESKUNDIGEN_TEKST
    if fouten:
        raise ValidationError(fouten)
    for volgorde, user in ((1, eerste), (2, tweede)):
        t = Toewijzing.objects.create(
            aanvraag=aanvraag,
            deskundige=user,
            volgorde=volgorde,
            discipline=discipline_van(user, aanvraag.swv_id),
            toegewezen_door=door,
        )
        Advies.objects.create(toewijzing=t)
        _geef_toegang(t, door, request)
    return stap(aanvraag, "deskundigen_toewijzen", door=door, request=request, datum=op)


@transaction.atomic
def vervang_deskundige(
    *, aanvraag: TLVAanvraag, door, volgorde: int, nieuwe: Gebruiker, reden: str, request=None
) -> Toewijzing:
    """The TLA-voorzitter replaces a deskundige who has not yet submitted (illness, a conflict that
    came to light): the old assignment ends and its access is revoked; the new one gets access
    [002 §1.6; domain §2 'only while the assignment lasts']."""
    aanvraag = vergrendel(aanvraag)
    s = scope_for(door)
    if not (s.alles or (s.heeft(RolSoort.TLA) and aanvraag.swv_id in s.swv_ids)):
        raise PermissionDenied("Alleen de TLA-voorzitter vervangt een deskundige.")
    if aanvraag.status != Status.ADVIEZEN:
        raise OvergangGeweigerd(["Vervangen kan alleen terwijl de deskundigen adviseren."])
    oud = (
        Toewijzing.objects.select_related("advies", "deskundige")
        .filter(aanvraag=aanvraag, volgorde=volgorde, beeindigd_op__isnull=True)
        .first()
    )
    ander = (
        Toewijzing.objects.filter(aanvraag=aanvraag, beeindigd_op__isnull=True)
        .exclude(volgorde=volgorde)
        .first()
    )
    if oud is None:
        raise ValidationError({"volgorde": "Op deze plek is geen deskundige toegewezen."})
    if oud.advies.ingediend_op:
        raise ValidationError({"volgorde": "Deze deskundige heeft het advies al ingediend."})
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de vervanging."})
    discipline = discipline_van(nieuwe, aanvraag.swv_id)
    if not discipline:
        raise ValidationError({"nieuwe": f"{nieuwe} staat niet in de pool van deskundigen."})
    if conflict := conflict_voor(nieuwe, aanvraag):
        raise ValidationError({"nieuwe": f"{nieuwe} is betrokken bij de school van de leerling: {conflict}."})
    if volgorde == 1 and discipline not in GEDRAGSDESKUNDIGEN:
        raise ValidationError({"nieuwe": "De eerste deskundige is altijd een orthopedagoog of psycholoog."})
    if ander is not None and (ander.deskundige_id == nieuwe.pk or ander.discipline == discipline):
        raise ValidationError({"nieuwe": "De twee deskundigen adviseren vanuit verschillende disciplines."})
    if volgorde == 2 and discipline not in TWEEDE_DESKUNDIGEN:
        raise ValidationError({"nieuwe": TWEEDE_DESKUNDIGEN_TEKST})
    oud.beeindigd_op, oud.beeindigd_reden = timezone.now(), f"vervangen: {reden}"[:200]
    oud.save(update_fields=["beeindigd_op", "beeindigd_reden"])
    _trek_toegang_in(oud, door, request)
    nieuw = Toewijzing.objects.create(
        aanvraag=aanvraag, deskundige=nieuwe, volgorde=volgorde, discipline=discipline, toegewezen_door=door
    )
    Advies.objects.create(toewijzing=nieuw)
    _geef_toegang(nieuw, door, request)
    return nieuw


@transaction.atomic
def beeindig_toewijzingen(*, aanvraag: TLVAanvraag, door, reden: str, request=None) -> int:
    """The assignment ends (decision taken, aanvraag withdrawn): access is revoked."""
    actief = list(
        Toewijzing.objects.filter(aanvraag=aanvraag, beeindigd_op__isnull=True).select_related(
            "deskundige", "aanvraag__leerling"
        )
    )
    for t in actief:
        t.beeindigd_op = timezone.now()
        t.beeindigd_reden = reden
        t.save(update_fields=["beeindigd_op", "beeindigd_reden"])
        _trek_toegang_in(t, door, request)
    return len(actief)


def eigen_toewijzing(aanvraag: TLVAanvraag, user) -> Toewijzing | None:
    return Toewijzing.objects.filter(aanvraag=aanvraag, deskundige=user, beeindigd_op__isnull=True).first()


@transaction.atomic
def sla_advies_op(
    *,
    aanvraag: TLVAanvraag,
    door,
    strekking: str,
    motivering: str,
    categorie: str = "",
    indienen: bool = False,
    request=None,
    op: date | None = None,
) -> Advies:
    """A deskundige saves (and, when ready, submits) his or her own advice. When the second one is
    submitted, the aanvraag moves on to the eindadvies [002 bijlage 3.11.1]."""
    aanvraag = vergrendel(aanvraag)
    toewijzing = eigen_toewijzing(aanvraag, door)
    if toewijzing is None or not door.has_perm("tlv.adviseren_tlvaanvraag", aanvraag):
        raise PermissionDenied("U bent niet (meer) als deskundige aan deze aanvraag gekoppeld.")
    if aanvraag.status != Status.ADVIEZEN:
        raise OvergangGeweigerd(["Adviseren kan alleen in de stap 'deskundigen adviseren'."])
    advies = Advies.objects.select_for_update().get(toewijzing=toewijzing)
    if advies.ingediend_op:
        raise ValidationError("Uw advies is al ingediend en verandert niet meer.")
    advies.strekking, advies.motivering, advies.categorie = strekking, motivering, categorie
    if indienen:
        fouten = {}
        if not strekking:
            fouten["strekking"] = "Kies de strekking van uw advies."
        if not motivering.strip():
            fouten["motivering"] = "Motiveer uw advies in termen van ondersteuningsbehoeften."
        if strekking == "so" and not categorie:
            fouten["categorie"] = "Kies bij so de bekostigingscategorie."
        if fouten:
            raise ValidationError(fouten)
        advies.ingediend_op = timezone.now()
    advies.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="advies deskundige " + ("ingediend" if indienen else "opgeslagen"),
    )
    if indienen and aanvraag.beide_adviezen_ingediend():
        stap(aanvraag, "adviezen_afronden", door=door, request=request, datum=op)
    return advies


def zichtbare_adviezen(aanvraag: TLVAanvraag, user) -> list[Advies]:
    """Blind advice: a deskundige sees his own advice, and the other one only once both are
    submitted; the TLA-voorzitter and directeur-bestuurder see submitted adviezen; the school,
    SC and SLL never see them (they follow the status) [002 bijlage 3.11.1]."""
    adviezen = list(
        Advies.objects.filter(toewijzing__aanvraag=aanvraag, toewijzing__beeindigd_op__isnull=True)
        .select_related("toewijzing__deskundige")
        .order_by("toewijzing__volgorde")
    )
    if not adviezen:  # after the decision the assignment has ended: show the final adviezen
        adviezen = list(
            Advies.objects.filter(toewijzing__aanvraag=aanvraag, ingediend_op__isnull=False)
            .select_related("toewijzing__deskundige")
            .order_by("toewijzing__volgorde")
        )
    s = scope_for(user)
    beide = sum(1 for a in adviezen if a.ingediend_op) >= 2
    if s.alles or (aanvraag.swv_id in s.swv_ids and s.heeft(RolSoort.TLA, RolSoort.BESTUURDER)):
        return [a for a in adviezen if a.ingediend_op]
    eigen = [a for a in adviezen if a.toewijzing.deskundige_id == user.pk]
    if not eigen or not user.has_perm("tlv.adviseren_tlvaanvraag", aanvraag):
        return []
    if beide:
        return adviezen
    return eigen


EINDADVIES_VELDEN = (
    "besluit",
    "gemotiveerd_besluit",
    "diagnose_genoemd",
    "diagnose_bron",
    "doelen",
    "schoolsoort",
    "periode",
    "einddatum_afwijkend",
    "categorie",
)


@transaction.atomic
def schrijf_eindadvies(*, aanvraag: TLVAanvraag, door, request=None, **velden) -> Eindadvies:
    """The 1st deskundige writes the eindadvies on the basis of both adviezen [002 §1.11]; in a
    TLA-vergadering the voorzitter records the commission's adjusted eindadvies."""
    aanvraag = vergrendel(aanvraag)
    s = scope_for(door)
    mag = (
        aanvraag.status == Status.EINDADVIES
        and Toewijzing.objects.filter(
            aanvraag=aanvraag, deskundige=door, volgorde=1, beeindigd_op__isnull=True
        ).exists()
    ) or (
        aanvraag.status == Status.TLA_VERGADERING
        and s.heeft(RolSoort.TLA)
        and (s.alles or aanvraag.swv_id in s.swv_ids)
    )
    if not mag:
        raise PermissionDenied(
            "Het eindadvies schrijft de eerste deskundige (of, in de TLA-vergadering, de voorzitter)."
        )
    onbekend = set(velden) - set(EINDADVIES_VELDEN) - {"tla_besproken"}
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    eindadvies = Eindadvies.objects.filter(aanvraag=aanvraag).first() or Eindadvies(
        aanvraag=aanvraag, geschreven_door=door
    )
    for k, v in velden.items():
        setattr(eindadvies, k, v)
    if eindadvies.schoolsoort != "so":
        eindadvies.categorie = ""
    if eindadvies.periode != "afwijkend":
        eindadvies.einddatum_afwijkend = None
    eindadvies.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="eindadvies bijgewerkt",
    )
    return eindadvies


@transaction.atomic
def stuur_eindadvies_door(
    *, aanvraag: TLVAanvraag, door, request=None, op: date | None = None
) -> TLVAanvraag:
    """Unanimous: to the TLA-voorzitter, who puts it before the directeur-bestuurder; not
    unanimous: onto the TLA-vergadering first [002 §1.7, L648, L768]."""
    aanvraag = vergrendel(aanvraag)
    # A herindicatie without consensus, or with another categorie, goes to the commissie [002 L822-825].
    unaniem = aanvraag.adviezen_unaniem() and not aanvraag.commissie_vereist()
    naam = "naar_voorzitter" if unaniem else "naar_tla_vergadering"
    return stap(aanvraag, naam, door=door, request=request, datum=op)


@transaction.atomic
def plan_vergadering(
    *, door, swv, datum: date, schooljaar: str, locatie: str = "", request=None
) -> TLAVergadering:
    s = scope_for(door)
    if not (s.alles or (s.heeft(RolSoort.TLA) and swv.pk in s.swv_ids)):
        raise PermissionDenied("Alleen de TLA-voorzitter plant de vergaderingen.")
    if TLAVergadering.objects.filter(swv=swv, datum=datum).exists():
        raise ValidationError({"datum": "Op deze dag staat al een TLA-vergadering gepland."})
    vergadering = TLAVergadering.objects.create(swv=swv, datum=datum, schooljaar=schooljaar, locatie=locatie)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=vergadering,
        swv=swv,
        omschrijving="TLA-vergadering gepland",
    )
    return vergadering


@transaction.atomic
def agendeer(*, aanvraag: TLVAanvraag, door, vergadering: TLAVergadering, request=None) -> TLVAanvraag:
    aanvraag = vergrendel(aanvraag)
    s = scope_for(door)
    if not (s.alles or (s.heeft(RolSoort.TLA) and aanvraag.swv_id in s.swv_ids)):
        raise PermissionDenied("Alleen de TLA-voorzitter zet aanvragen op de agenda.")
    if aanvraag.status != Status.TLA_VERGADERING:
        raise ValidationError("Alleen een niet-unaniem (of teruggestuurd) advies komt op de agenda.")
    if vergadering.swv_id != aanvraag.swv_id:
        raise ValidationError({"vergadering": "Kies een vergadering van dit samenwerkingsverband."})
    aanvraag.vergadering = vergadering
    aanvraag.save(update_fields=["vergadering", "gewijzigd_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"geagendeerd voor TLA-vergadering {vergadering.datum:%d-%m-%Y}",
    )
    return aanvraag


@transaction.atomic
def leg_tla_advies_vast(*, aanvraag: TLVAanvraag, door, request=None, op: date | None = None) -> TLVAanvraag:
    aanvraag = vergrendel(aanvraag)
    return stap(aanvraag, "tla_advies_vastleggen", door=door, request=request, datum=op)


@transaction.atomic
def leg_voor(*, aanvraag: TLVAanvraag, door, request=None, op: date | None = None) -> TLVAanvraag:
    """The TLA-voorzitter puts every eindadvies, unanimous or not, before the directeur-bestuurder
    [002 L648 'legt elk samenvattend deskundigenadvies voor', L665, L768]."""
    aanvraag = vergrendel(aanvraag)
    return stap(
        aanvraag,
        "voorleggen",
        door=door,
        request=request,
        datum=op,
        omschrijving="voorgelegd aan de bestuurder",
    )


def genodigden(vergadering: TLAVergadering) -> list[Gebruiker]:
    """TLA-voorzitter, SLL and the pool, minus everyone involved in an aanvraag on the agenda: the
    school's staff, the region's SC, deskundigen with a conflict [002 §1.6]."""
    aanvragen = list(vergadering.aanvragen.select_related("school"))
    rollen = Rol.objects.filter(
        swv_id=vergadering.swv_id, actief=True, soort__in=[RolSoort.TLA, RolSoort.SLL, RolSoort.DESKUNDIGE]
    ).select_related("gebruiker")
    uit = {}
    for rol in rollen:
        if any(conflict_voor(rol.gebruiker, a) for a in aanvragen):
            continue
        uit[rol.gebruiker_id] = rol.gebruiker
    return sorted(uit.values(), key=lambda u: (u.last_name, u.first_name))


__all__ = ["Discipline", "pool", "voorstel_vo", "vo_waarschuwing", "genodigden"]
