"""The overgangsarrangement [002 L807, L670], its evaluation (a Termijn due at the end, so the daily
sweep reminds the school and the SC) and the route to a TLV when the school cannot offer what is
needed [002 L805, L807]."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.models.organisaties import SchoolSoort
from cases.onderinstroom.models.arrangement import (
    BRON,
    EVALUATIE_TERMIJN,
    Overgangsarrangement,
    Uitkomst,
    einde_overgangsarrangement,
)
from cases.onderinstroom.models.onderinstroom import Onderinstroom, vier_jaar_op
from cases.onderinstroom.models.overdracht import Conclusie, Overdrachtsdocument
from cases.onderinstroom.services import is_sc_van, is_school_van
from cases.services.audit import log
from cases.termijnen import formatteer_datum as fd
from cases.termijnen import services as termijn_svc
from cases.termijnen.models.termijnen import OPEN_STATUSSEN
from cases.termijnen.selectors import termijnen_van
from cases.workflow import vergrendel


def open_evaluatietermijn(arrangement: Overgangsarrangement):
    return next(
        (
            t
            for t in termijnen_van(arrangement)
            if t.soort == EVALUATIE_TERMIJN and t.status in OPEN_STATUSSEN
        ),
        None,
    )


@transaction.atomic
def start_overgangsarrangement(
    *, onderinstroom: Onderinstroom, door, start: date | None, extra_ondersteuning: str, request=None
) -> Overgangsarrangement:
    """Requested through the SC [002 L670]: six months at the regular school van aanmelding with extra
    support [002 L807]; the child is at least four on the start date (WPO art. 39)."""
    ond = vergrendel(onderinstroom, select_related=("leerling", "school_van_aanmelding__regio"))
    if not is_sc_van(door, ond):
        raise PermissionDenied(
            "Een overgangsarrangement wordt aangevraagd via de steunpuntcoördinator [002 L670]."
        )
    if Overgangsarrangement.objects.filter(onderinstroom=ond).exists():
        raise ValidationError(
            "Dit kind heeft al een overgangsarrangement. Het duurt zes maanden en wordt niet verlengd "
            f"{BRON}: na de evaluatie gaat het kind regulier verder of vraagt de school een TLV aan."
        )
    school = ond.school_van_aanmelding
    if school is None:
        raise ValidationError(
            "Er is nog geen school van aanmelding: het overgangsarrangement loopt op de reguliere "
            f"basisschool van aanmelding {BRON}."
        )
    if school.soort != SchoolSoort.BAO:
        raise ValidationError(
            f"{school.naam} is geen reguliere basisschool: een overgangsarrangement loopt op de reguliere "
            f"basisschool van aanmelding {BRON}."
        )
    if start is None:
        raise ValidationError({"start": "Vul de startdatum in."})
    vier = vier_jaar_op(ond.leerling.geboortedatum)
    if start < vier:
        raise ValidationError(
            {"start": f"Het kind wordt pas op {fd(vier)} vier jaar en mag dan naar school (WPO art. 39)."}
        )
    extra_ondersteuning = (extra_ondersteuning or "").strip()
    if not extra_ondersteuning:
        raise ValidationError(
            {"extra_ondersteuning": f"Beschrijf de extra ondersteuning die de school biedt {BRON}."}
        )
    arr = Overgangsarrangement.objects.create(
        onderinstroom=ond,
        school=school,
        start=start,
        einde=einde_overgangsarrangement(start),
        extra_ondersteuning=extra_ondersteuning,
        aangevraagd_door=door,
    )
    termijn_svc.start_termijn(
        soort=EVALUATIE_TERMIJN,
        start=start,
        zaak=arr,
        swv=ond.swv,
        school=school,
        leerling=ond.leerling,
        dagen=(arr.einde - start).days,
        omschrijving="Evaluatie overgangsarrangement",
        door=door,
        request=request,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=arr,
        leerling=ond.leerling,
        omschrijving=f"overgangsarrangement {fd(start)} t/m {fd(arr.einde)} op {school.naam}"[:300],
    )
    return arr


@transaction.atomic
def evalueer(
    *,
    arrangement: Overgangsarrangement,
    door,
    uitkomst: str,
    op: date | None,
    evaluatie: str,
    request=None,
) -> Overgangsarrangement:
    """ "Na deze periode wordt gekeken of de school kan bieden wat nodig is" [002 L807]: the school
    (IB'er, directeur) or the SC records the outcome on or after the end, never before."""
    arr = vergrendel(
        arrangement, select_related=("onderinstroom__leerling", "onderinstroom__school_van_aanmelding")
    )
    ond = arr.onderinstroom
    if not (is_school_van(door, ond) or is_sc_van(door, ond)):
        raise PermissionDenied(
            "De school van aanmelding (intern begeleider of directeur) of de SC legt de evaluatie vast."
        )
    if arr.is_geevalueerd:
        raise ValidationError(f"Dit overgangsarrangement is al geëvalueerd op {fd(arr.geevalueerd_op)}.")
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies de uitkomst: regulier verder of een aanvraag TLV."})
    if op is None:
        raise ValidationError({"op": "Vul de datum van de evaluatie in."})
    if op > timezone.localdate():
        raise ValidationError({"op": "Deze datum ligt in de toekomst."})
    if op < arr.einde:
        raise ValidationError(
            {
                "op": f"Het overgangsarrangement loopt tot {fd(arr.einde)}; de evaluatie volgt "
                "na deze periode "
                f"van 6 maanden {BRON}. Kan de school nu al niet bieden wat nodig is, dan kan zij ook zonder "
                "evaluatie een TLV aanvragen [002 L805]."
            }
        )
    evaluatie = (evaluatie or "").strip()
    if not evaluatie:
        raise ValidationError(
            {"evaluatie": "Beschrijf kort waarom de school wel of niet kan bieden wat nodig is."}
        )
    arr.uitkomst = uitkomst
    arr.geevalueerd_op = op
    arr.evaluatie = evaluatie
    arr.geevalueerd_door = door
    arr.save(update_fields=["uitkomst", "geevalueerd_op", "evaluatie", "geevalueerd_door"])
    termijn = open_evaluatietermijn(arr)
    if termijn is not None:
        termijn_svc.voldaan(
            termijn=termijn, op=op, reden=Uitkomst(uitkomst).label, door=door, request=request
        )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=arr,
        leerling=ond.leerling,
        omschrijving=f"overgangsarrangement geëvalueerd: {Uitkomst(uitkomst).label}"[:300],
    )
    return arr


def tlv_weigerreden(ond: Onderinstroom, vandaag: date | None = None) -> str | None:
    """Why the school cannot start a TLV-aanvraag from here now, or None [002 L805, L807]."""
    if ond.tlv_aanvraag_id:
        return "Voor dit kind is vanuit de onderinstroom al een TLV-aanvraag gestart."
    if ond.school_van_aanmelding_id is None:
        return "Er is nog geen school van aanmelding; die vraagt bij onderinstroom de TLV aan [002 L789]."
    arr = getattr(ond, "overgangsarrangement", None)
    if arr is not None and not arr.is_geevalueerd:
        return (
            f"Het overgangsarrangement loopt tot {fd(arr.einde)}; na de evaluatie volgt, als de school niet "
            f"kan bieden wat nodig is, alsnog de aanvraag TLV {BRON}."
        )
    if arr is not None and arr.uitkomst == Uitkomst.REGULIER:
        return "De evaluatie van het overgangsarrangement was: de school kan bieden wat nodig is."
    return None


@transaction.atomic
def start_tlv_aanvraag(*, onderinstroom: Onderinstroom, door, request=None):
    """The school van aanmelding requests the TLV (soort onderinstroom) [002 L789, L805, L807]; the
    overdrachtsdocument's needs and conclusion prefill the form, which replaces the OPP [002 L802]."""
    from tlv.models.keuzes import Schoolsoort, Soort
    from tlv.services.aanvraag import maak_aanvraag

    ond = vergrendel(onderinstroom, select_related=("leerling", "school_van_aanmelding"))
    if not is_school_van(door, ond):
        raise PermissionDenied(
            "De intern begeleider of directeur van de school van aanmelding vraagt de TLV aan."
        )
    reden = tlv_weigerreden(ond)
    if reden:
        raise ValidationError(reden)
    doc = Overdrachtsdocument.objects.filter(onderinstroom=ond, afgeleverd_op__isnull=False).first()
    velden = {"soort": Soort.ONDERINSTROOM}
    if doc is not None:
        velden["onderwijsbehoeften"] = doc.ondersteuningsbehoefte
        velden["gevraagde_schoolsoort"] = (
            Schoolsoort.SO if doc.conclusie == Conclusie.TLV_SO else Schoolsoort.SBO
        )
    aanvraag = maak_aanvraag(
        door=door, leerling=ond.leerling, school=ond.school_van_aanmelding, request=request, **velden
    )
    ond.tlv_aanvraag_id = aanvraag.pk
    ond.save(update_fields=["tlv_aanvraag_id"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=ond,
        leerling=ond.leerling,
        omschrijving="TLV-aanvraag (onderinstroom) gestart vanuit de onderinstroom",
    )
    return aanvraag
