"""The child in beeld, the CJK's involvement and advice, the handover to the SC [002 L798-805]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling, Regio, School
from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.models.rollen import RolSoort
from cases.onderinstroom.models.onderinstroom import CJK_VANAF_BRON, Onderinstroom, drie_en_half_jaar_op
from cases.onderinstroom.services import is_cjk_van
from cases.scope import scope_for
from cases.services.audit import log
from cases.termijnen import formatteer_datum as fd
from cases.workflow import vergrendel

KIND_VELDEN = (
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "woonplaats",
    "gemeente",
)


def _niet_in_toekomst(veld: str, d: date | None) -> None:
    if d is not None and d > timezone.localdate():
        raise ValidationError({veld: "Deze datum ligt in de toekomst."})


def _controleer_voorschool(voorschool: School | None, swv_id: int) -> None:
    if voorschool is None:
        return
    if voorschool.swv_id != swv_id:
        raise ValidationError({"voorschool": "Deze voorziening hoort bij een ander samenwerkingsverband."})
    if voorschool.soort != SchoolSoort.VVE:
        raise ValidationError({"voorschool": "Kies een voorschoolse voorziening (geen basisschool)."})


@transaction.atomic
def maak_onderinstroom(
    *, door, regio: Regio, gegevens: dict, voorschool: School | None = None, request=None
) -> Onderinstroom:
    """The CJK brings a young child in beeld. The child is a Leerling of the SWV, not enrolled
    anywhere; a Leerling with the same name and birth date in the SWV is reused, not duplicated."""
    scope = scope_for(door)
    if not (scope.alles or any(r.soort == RolSoort.CJK and r.regio_id == regio.pk for r in scope.rollen)):
        raise PermissionDenied("Alleen de contactpersoon jonge kind van deze regio brengt een kind in beeld.")
    _controleer_voorschool(voorschool, regio.swv_id)
    gemeente = gegevens.get("gemeente")
    if gemeente is not None and gemeente.swv_id != regio.swv_id:
        raise ValidationError({"gemeente": "Deze gemeente hoort bij een ander samenwerkingsverband."})
    geboren = gegevens.get("geboortedatum")
    _niet_in_toekomst("geboortedatum", geboren)
    leerling = (
        Leerling.objects.select_for_update()
        .filter(
            swv_id=regio.swv_id,
            voornaam__iexact=(gegevens.get("voornaam") or "").strip(),
            achternaam__iexact=(gegevens.get("achternaam") or "").strip(),
            geboortedatum=geboren,
        )
        .first()
    )
    if leerling is not None and Onderinstroom.objects.filter(leerling=leerling).exists():
        raise ValidationError(
            {"achternaam": "Voor dit kind (zelfde naam en geboortedatum) is de onderinstroom al in beeld."}
        )
    if leerling is None:
        leerling = Leerling(swv_id=regio.swv_id, **{k: gegevens.get(k) for k in KIND_VELDEN if k in gegevens})
        for veld in ("voornaam", "tussenvoegsel", "achternaam", "woonplaats"):
            setattr(leerling, veld, (getattr(leerling, veld) or "").strip())
        leerling.full_clean(exclude=["swv"])
        leerling.save()
        log(
            actie=AuditActie.AANGEMAAKT,
            request=request,
            user=door,
            obj=leerling,
            leerling=leerling,
            omschrijving="dossier aangemaakt (onderinstroom, nog niet ingeschreven)",
        )
    ond = Onderinstroom.objects.create(
        swv_id=regio.swv_id,
        leerling=leerling,
        regio=regio,
        voorschool=voorschool,
        cjk=door,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=ond,
        leerling=leerling,
        omschrijving="onderinstroom in beeld gebracht",
    )
    return ond


def eis_cjk(door, ond: Onderinstroom) -> None:
    if not is_cjk_van(door, ond):
        raise PermissionDenied("Alleen de contactpersoon jonge kind van deze regio legt dit vast [002 L800].")


@transaction.atomic
def leg_advies_vast(
    *,
    onderinstroom: Onderinstroom,
    door,
    cjk_betrokken_op: date | None,
    advies: str = "",
    advies_op: date | None = None,
    school_van_aanmelding: School | None = None,
    aangemeld_op: date | None = None,
    request=None,
) -> Onderinstroom:
    """The day the voorschool involved the CJK — from 3,5 years [002 L801] —, the CJK's advice to
    voorschool and ouders [002 L800], and the school the ouders applied at [002 L789, L804]."""
    ond = vergrendel(onderinstroom, select_related=("leerling",))
    eis_cjk(door, ond)
    advies = (advies or "").strip()
    if cjk_betrokken_op is None:
        raise ValidationError(
            {"cjk_betrokken_op": "Vul in op welke dag de voorschoolse voorziening de CJK betrok."}
        )
    _niet_in_toekomst("cjk_betrokken_op", cjk_betrokken_op)
    vanaf = drie_en_half_jaar_op(ond.leerling.geboortedatum)
    if cjk_betrokken_op < vanaf:
        raise ValidationError(
            {
                "cjk_betrokken_op": "De CJK wordt betrokken vanaf de leeftijd van 3,5 jaar "
                f"{CJK_VANAF_BRON}: "
                f"voor dit kind vanaf {fd(vanaf)}."
            }
        )
    if advies and advies_op is None:
        raise ValidationError({"advies_op": "Vul in op welke dag de CJK het advies gaf."})
    if advies_op is not None:
        _niet_in_toekomst("advies_op", advies_op)
        if advies_op < cjk_betrokken_op:
            raise ValidationError(
                {"advies_op": "Het advies kan niet vóór de betrokkenheid van de CJK zijn gegeven."}
            )
        if not advies:
            raise ValidationError({"advies": "Beschrijf het advies, of laat de datum van het advies leeg."})
    if school_van_aanmelding is not None:
        if school_van_aanmelding.swv_id != ond.swv_id:
            raise ValidationError(
                {"school_van_aanmelding": "Deze school hoort bij een ander samenwerkingsverband."}
            )
        if school_van_aanmelding.soort == SchoolSoort.VVE:
            raise ValidationError(
                {"school_van_aanmelding": "Kies een school, geen voorschoolse voorziening."}
            )
        if ond.school_van_aanmelding_id and school_van_aanmelding.pk != ond.school_van_aanmelding_id:
            if hasattr(ond, "overdrachtsdocument") and ond.overdrachtsdocument.is_afgeleverd:
                raise ValidationError(
                    {
                        "school_van_aanmelding": "Het overdrachtsdocument is al afgeleverd bij "
                        f"{ond.school_van_aanmelding}; de school van aanmelding verandert niet meer."
                    }
                )
    if aangemeld_op is not None:
        _niet_in_toekomst("aangemeld_op", aangemeld_op)
        if school_van_aanmelding is None:
            raise ValidationError(
                {"school_van_aanmelding": "Kies de school waar de ouders het kind aanmeldden."}
            )
    ond.cjk_betrokken_op = cjk_betrokken_op
    ond.advies = advies
    ond.advies_op = advies_op
    ond.school_van_aanmelding = school_van_aanmelding
    ond.aangemeld_op = aangemeld_op
    ond.cjk = ond.cjk or door
    ond.save()
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=ond,
        leerling=ond.leerling,
        omschrijving="betrokkenheid en advies CJK vastgelegd",
    )
    return ond


@transaction.atomic
def draag_over_aan_sc(
    *, onderinstroom: Onderinstroom, door, sc, op: date | None, notitie: str = "", request=None
) -> Onderinstroom:
    """ "Indien de CJK betrokken was, heeft een overdracht naar SC plaatsgevonden" [002 L804]: to an
    SC of the regio of the school van aanmelding (or the onderinstroom's own regio)."""
    ond = vergrendel(onderinstroom, select_related=("leerling", "school_van_aanmelding"))
    eis_cjk(door, ond)
    if ond.cjk_betrokken_op is None:
        raise ValidationError(
            "Leg eerst vast wanneer de CJK betrokken werd; daarna volgt de overdracht aan de SC."
        )
    if sc is None:
        raise ValidationError({"sc": "Kies de steunpuntcoördinator aan wie u overdraagt."})
    regios = {ond.regio_id} | (
        {ond.school_van_aanmelding.regio_id} if ond.school_van_aanmelding_id else set()
    )
    if not sc.rollen.filter(soort=RolSoort.SC, actief=True, swv_id=ond.swv_id, regio_id__in=regios).exists():
        raise ValidationError({"sc": "Deze persoon is geen steunpuntcoördinator van de regio van dit kind."})
    if op is None:
        raise ValidationError({"op": "Vul de datum van de overdracht in."})
    _niet_in_toekomst("op", op)
    if op < ond.cjk_betrokken_op:
        raise ValidationError({"op": "De overdracht kan niet vóór de betrokkenheid van de CJK liggen."})
    ond.overdracht_sc = sc
    ond.overdracht_sc_op = op
    ond.overdracht_notitie = (notitie or "").strip()
    ond.save(update_fields=["overdracht_sc", "overdracht_sc_op", "overdracht_notitie"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=ond,
        leerling=ond.leerling,
        omschrijving=f"overgedragen aan de SC ({sc.get_full_name() or sc.username}) op {fd(op)}"[:300],
    )
    return ond
