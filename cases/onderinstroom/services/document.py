"""The overdrachtsdocument jonge kind [002 bijlage 3.10; L802]: filled in for the voorschool (by the
CJK in this product), delivered to the school van aanmelding, seen there. A delivered document is
final: the school received what it received."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.onderinstroom.models.onderinstroom import Onderinstroom
from cases.onderinstroom.models.overdracht import BRON, SECTIES, Overdrachtsdocument
from cases.onderinstroom.services import is_school_van
from cases.onderinstroom.services.kind import eis_cjk
from cases.scope import scope_for
from cases.services.audit import log
from cases.workflow import vergrendel

VELDEN = tuple(v for _, velden in SECTIES for v in velden)


def nieuw_document(ond: Onderinstroom) -> Overdrachtsdocument:
    """An unsaved document with what the product already knows filled in."""
    ll = ond.leerling
    return Overdrachtsdocument(
        onderinstroom=ond,
        thuistaal=ll.thuistaal,
        voorschoolse_voorziening=ond.voorschool.naam if ond.voorschool_id else "",
    )


@transaction.atomic
def bewaar_document(
    *, onderinstroom: Onderinstroom, door, gegevens: dict, request=None
) -> Overdrachtsdocument:
    """Save the form as it stands (every field optional while it is not delivered: nothing typed is lost)."""
    ond = vergrendel(onderinstroom, select_related=("leerling", "voorschool"))
    eis_cjk(door, ond)
    doc = Overdrachtsdocument.objects.select_for_update().filter(onderinstroom=ond).first()
    nieuw = doc is None
    if nieuw:
        doc = nieuw_document(ond)
    elif doc.is_afgeleverd:
        raise ValidationError(
            "Dit overdrachtsdocument is al afgeleverd bij de school van aanmelding en verandert niet meer."
        )
    onbekend = set(gegevens) - set(VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    for veld, waarde in gegevens.items():
        setattr(doc, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    if doc.ouders_ondertekend_op and doc.ouders_ondertekend_op > timezone.localdate():
        raise ValidationError({"ouders_ondertekend_op": "Deze datum ligt in de toekomst."})
    doc.ingevuld_door = door
    doc.full_clean()
    doc.save()
    log(
        actie=AuditActie.AANGEMAAKT if nieuw else AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=doc,
        leerling=ond.leerling,
        omschrijving="overdrachtsdocument jonge kind " + ("aangemaakt" if nieuw else "bijgewerkt"),
    )
    return doc


@transaction.atomic
def lever_af(*, onderinstroom: Onderinstroom, door, request=None) -> Overdrachtsdocument:
    """Deliver to the school van aanmelding [002 L802]: only with a school, and with the fields the
    school needs and the ouders' signature [002 bijlage 3.10]; the refusal names what is missing."""
    ond = vergrendel(onderinstroom, select_related=("leerling", "school_van_aanmelding"))
    eis_cjk(door, ond)
    doc = Overdrachtsdocument.objects.select_for_update().filter(onderinstroom=ond).first()
    if doc is None:
        raise ValidationError("Vul eerst het overdrachtsdocument in.")
    if doc.is_afgeleverd:
        raise ValidationError("Dit overdrachtsdocument is al afgeleverd.")
    if ond.school_van_aanmelding_id is None:
        raise ValidationError(
            "Er is nog geen school van aanmelding: het document wordt afgeleverd bij de school waar de "
            "ouders het kind aanmeldden [002 L802]. Leg die eerst vast bij het advies."
        )
    ontbreekt = doc.ontbrekend()
    if ontbreekt:
        raise ValidationError(f"Nog niet in te leveren {BRON}; vul eerst in: {', '.join(ontbreekt)}.")
    doc.afgeleverd_op = timezone.now()
    doc.afgeleverd_door = door
    doc.afgeleverd_aan = ond.school_van_aanmelding
    doc.save(update_fields=["afgeleverd_op", "afgeleverd_door", "afgeleverd_aan"])
    log(
        actie=AuditActie.GEDEELD,
        request=request,
        user=door,
        obj=doc,
        leerling=ond.leerling,
        omschrijving=f"overdrachtsdocument afgeleverd bij {ond.school_van_aanmelding.naam}"[:300],
    )
    return doc


def markeer_gezien(*, document: Overdrachtsdocument, door, request=None) -> bool:
    """The first time the school van aanmelding's IB'er or directeur opens the delivered document:
    recorded once (who, when), so CJK and SC can see it arrived. True when this was that first time."""
    ond = document.onderinstroom
    if not document.is_afgeleverd or document.gezien_op is not None:
        return False
    if scope_for(door).alles or not is_school_van(door, ond):  # the installation's superuser is no school
        return False
    with transaction.atomic():
        bijgewerkt = Overdrachtsdocument.objects.filter(pk=document.pk, gezien_op__isnull=True).update(
            gezien_op=timezone.now(), gezien_door=door
        )
        if bijgewerkt:
            log(
                actie=AuditActie.GEWIJZIGD,
                request=request,
                user=door,
                obj=document,
                leerling=ond.leerling,
                omschrijving="overdrachtsdocument ontvangen en gezien door de school van aanmelding",
            )
    if bijgewerkt:
        document.refresh_from_db(fields=["gezien_op", "gezien_door"])
    return bool(bijgewerkt)
