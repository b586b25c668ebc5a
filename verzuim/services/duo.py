"""Absoluut verzuim starts where an enrolment ends: every in- and uitschrijving is reported by the
school to DUO within 7 days, so leerplicht sees who is enrolled nowhere [002 L252; Leerplichtwet
art. 18; issue 16.14]. The product gives the school that task with its term; the school records
when it reported (the product does not report to DUO itself)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.rollen import SCHOOLLEIDING
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
from cases.termijnen.services import start_termijn, voldaan
from verzuim.services import eis_rol, eis_school, weiger
from verzuim.termijnen import DUO_MELDING


def duo_taak(*, soort: str, inschrijving, op: date) -> Termijn:
    """Hook of cases.services.inschrijving: the school of the enrolment gets the task."""
    return start_termijn(
        soort=DUO_MELDING,
        start=op,
        swv=inschrijving.school.swv,
        school=inschrijving.school,
        leerling=inschrijving.leerling,
        zaak=inschrijving,
        omschrijving=f"{soort} melden aan DUO",
    )


@transaction.atomic
def duo_gemeld(*, termijn: Termijn, gemeld_op: date | None, door, request=None) -> Termijn:
    """The school records the day it reported the in- or uitschrijving to DUO."""
    eis_rol(door, *SCHOOLLEIDING, melding="Alleen de intern begeleider of de directeur legt dit vast.")
    termijn = Termijn.objects.select_for_update().get(pk=termijn.pk)
    if termijn.soort != DUO_MELDING:
        raise weiger("Dit is geen melding aan DUO.")
    eis_school(door, termijn.school_id)
    if termijn.status not in OPEN_STATUSSEN:
        raise weiger("Deze melding aan DUO is al vastgelegd.")
    if gemeld_op is None:
        raise ValidationError({"gemeld_op": "Leg vast op welke dag de school de melding aan DUO deed."})
    if gemeld_op > timezone.localdate():
        raise ValidationError({"gemeld_op": "Deze datum ligt in de toekomst."})
    if gemeld_op < termijn.start:
        raise ValidationError({"gemeld_op": "De melding kan niet vóór de in- of uitschrijving zijn gedaan."})
    return voldaan(termijn=termijn, op=gemeld_op, reden="gemeld aan DUO", door=door, request=request)
