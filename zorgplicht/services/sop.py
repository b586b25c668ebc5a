"""The key support offers of a school's SOP, kept by the school itself or the SC of its regio."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cases.models import School
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from zorgplicht.models import OndersteuningSoort, SopAanbod
from zorgplicht.services.basis import ZorgplichtFout


def mag_sop_bewerken(user, school: School) -> bool:
    """The school's directeur/IB'er, or the SC of its regio, keep the key offers of its SOP."""
    scope = scope_for(user)
    return scope.alles or any(
        (r.soort in SCHOOLLEIDING and r.school_id == school.pk)
        or (r.soort == RolSoort.SC and r.regio_id == school.regio_id)
        for r in scope.rollen
    )


@transaction.atomic
def bewaar_sop(*, school: School, door, aanbod: dict[str, str], request=None) -> list[SopAanbod]:
    """Replace the key support offers of a school's SOP: {soort: toelichting}."""
    if not mag_sop_bewerken(door, school):
        raise PermissionDenied(
            "Alleen de school zelf of de steunpuntcoördinator van de regio houdt het SOP bij."
        )
    onbekend = set(aanbod) - set(OndersteuningSoort.values)
    if onbekend:
        raise ZorgplichtFout("Onbekende soort ondersteuning gekozen.")
    School.objects.select_for_update().get(pk=school.pk)
    SopAanbod.objects.filter(school=school).exclude(soort__in=list(aanbod)).delete()
    rijen = []
    for soort, toelichting in aanbod.items():
        rij, _ = SopAanbod.objects.update_or_create(
            school=school, soort=soort, defaults={"toelichting": toelichting}
        )
        rijen.append(rij)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=school,
        omschrijving="SOP-aanbod bijgewerkt",
    )
    return rijen
