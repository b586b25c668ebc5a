"""Vier-partijenmodel for vrijstelling van inschrijving, Leerplichtwet art. 5 onder a [002 bijlage 2.5]:
'nee, tenzij'; no decision before ouders, LPA, GGD-arts and SWV were each involved; the LPA decides."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.models.rollen import GEMEENTEGEBONDEN, SWV_REGIE, RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.workflow import kan
from verzuim.models import PartijAdvies, Thuiszitter, Vrijstellingsverzoek
from verzuim.models.thuiszitters import ThuiszitterSoort, VrijstellingStatus
from verzuim.services import eis_in_scope, eis_rol, weiger

# --- vier-partijenmodel -----------------------------------------------------------------------


@transaction.atomic
def dien_vrijstelling_in(
    *, leerling: Leerling, gemeente, regio, ingediend_op: date | None, door, request=None
) -> Vrijstellingsverzoek:
    eis_rol(door, *(SWV_REGIE | GEMEENTEGEBONDEN))
    if ingediend_op is None:
        raise ValidationError({"ingediend_op": "Leg vast wanneer het beroep op vrijstelling is gedaan."})
    v = Vrijstellingsverzoek.objects.create(
        swv_id=leerling.swv_id,
        gemeente=gemeente,
        regio=regio,
        leerling=leerling,
        ingediend_op=ingediend_op,
        aangemaakt_door=door,
    )
    eis_in_scope(door, v)
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=v,
        leerling=leerling,
        omschrijving="vrijstelling 5a",
    )
    return v


@transaction.atomic
def leg_advies_vast(
    *,
    verzoek: Vrijstellingsverzoek,
    partij: str,
    naam: str,
    betrokken_op: date | None,
    advies: str,
    door,
    request=None,
) -> PartijAdvies:
    eis_rol(door, *(SWV_REGIE | GEMEENTEGEBONDEN))
    v = Vrijstellingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    eis_in_scope(door, v)
    if v.status != VrijstellingStatus.IN_BEHANDELING:
        raise weiger("Over dit verzoek is al besloten.")
    fouten = {}
    if betrokken_op is None:
        fouten["betrokken_op"] = "Leg vast wanneer deze partij betrokken was."
    if not advies.strip():
        fouten["advies"] = "Leg het advies van deze partij vast."
    if not naam.strip():
        fouten["naam"] = "Leg naam en functie vast."
    if fouten:
        raise ValidationError(fouten)
    a, _ = PartijAdvies.objects.update_or_create(
        verzoek=v,
        partij=partij,
        defaults={"naam": naam, "betrokken_op": betrokken_op, "advies": advies, "vastgelegd_door": door},
    )
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving=f"advies {partij}",
    )
    return a


@transaction.atomic
def besluit_vrijstelling(
    *,
    verzoek: Vrijstellingsverzoek,
    toekennen: bool,
    zwaarwegende_argumenten: str = "",
    geldig_tot: date | None = None,
    door,
    request=None,
    vandaag: date | None = None,
) -> Vrijstellingsverzoek:
    """The LPA decides; not before all four parties were involved with their advice; 'nee, tenzij'
    [002 bijlage 2.5; Leerplichtwet art. 5 onder a]."""
    vandaag = vandaag or timezone.localdate()
    v = Vrijstellingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    scope = scope_for(door)
    if not (scope.alles or (scope.heeft(RolSoort.LPA) and v.gemeente_id in scope.gemeente_ids)):
        raise PermissionDenied(
            "Het besluit over vrijstelling ligt bij de leerplichtambtenaar van de gemeente."
        )
    if v.status != VrijstellingStatus.IN_BEHANDELING:
        raise weiger("Over dit verzoek is al besloten.")
    if not v.vier_partijen_betrokken():
        raise weiger(
            "Er kan nog niet worden besloten: het vier-partijenmodel vraagt dat ouders, leerplichtambtenaar, "
            "GGD-arts en samenwerkingsverband elk betrokken zijn met hun advies. Ontbreekt: "
            + ", ".join(v.ontbrekende_partijen())
            + " [002 bijlage 2.5]."
        )
    if toekennen:
        v.zwaarwegende_argumenten = zwaarwegende_argumenten
        if not kan(v, "ken_toe"):
            raise ValidationError(
                {
                    "zwaarwegende_argumenten": "Nee, tenzij: een vrijstelling wordt alleen "
                    "toegekend bij zwaarwegende argumenten. Leg die vast [002 bijlage 2.5]."
                }
            )
        if geldig_tot is None or geldig_tot <= vandaag:
            raise ValidationError(
                {"geldig_tot": "Een vrijstelling geldt meestal één schooljaar: leg de einddatum vast."}
            )
        v.ken_toe(door=door, op=vandaag, geldig_tot=geldig_tot)
    else:
        v.wijs_af(door=door, op=vandaag)
    v.save()
    if toekennen:
        Thuiszitter.objects.get_or_create(
            leerling=v.leerling,
            soort=ThuiszitterSoort.VRIJSTELLING,
            beeindigd_op=None,
            defaults={
                "swv_id": v.swv_id,
                "regio": v.regio,
                "gemeente": v.gemeente,
                "thuis_sinds": vandaag,
                "regie_bij": "leerplichtambtenaar",
                "aangemaakt_door": door,
                "volgende_stap": "herbeoordeling vóór het einde van de vrijstelling",
                "volgende_stap_op": geldig_tot,
            },
        )
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=v,
        leerling=v.leerling,
        omschrijving="vrijstelling toegekend" if toekennen else "vrijstelling niet toegekend",
    )
    return v
