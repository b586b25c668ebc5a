"""The one write path for inschrijvingen: keeps Leerling.huidige_school/huidige_groep in step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Inschrijving, Leerling, School

# Called after every in- and uitschrijving, inside its transaction, as
# hook(soort="inschrijving" | "uitschrijving", inschrijving=..., op=date). verzuim/ registers the
# school's task to report the change to DUO within 7 days [002 L252; issue 16.14].
NA_MUTATIE: list[Callable[..., None]] = []


def _na_mutatie(soort: str, inschrijving: Inschrijving, op: date) -> None:
    for hook in NA_MUTATIE:
        hook(soort=soort, inschrijving=inschrijving, op=op)


@transaction.atomic
def schrijf_in(
    *,
    leerling: Leerling,
    school: School,
    groep: int | None,
    van: date,
    tlv_veld: str = "school",
) -> Inschrijving:
    """Enrol at `school` from `van`; an open enrolment elsewhere ends the day before. At an sbo or
    so school only with a TLV valid on `van` [002 L194, L787]; the refusal names the missing TLV
    under `tlv_veld`, the form field the route shows it at."""
    from tlv.toelating import ontbrekende_tlv

    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    if school.swv_id != leerling.swv_id:
        raise ValidationError("Deze school hoort bij een ander samenwerkingsverband dan de leerling.")
    if (reden := ontbrekende_tlv(leerling=leerling, school=school, op=van)) is not None:
        raise ValidationError({tlv_veld: reden})
    if groep is not None and not 1 <= groep <= 8:
        raise ValidationError({"groep": "Een groep ligt tussen 1 en 8."})
    open_ = Inschrijving.objects.filter(leerling=leerling, tot__isnull=True).first()
    if open_ is not None:
        if van <= open_.van:
            raise ValidationError(
                {"van": "De nieuwe inschrijving moet ná het begin van de huidige beginnen."}
            )
        open_.tot = van - timedelta(days=1)
        open_.save(update_fields=["tot"])
    nieuw = Inschrijving.objects.create(leerling=leerling, school=school, groep=groep, van=van)
    leerling.huidige_school = school
    leerling.huidige_groep = groep
    leerling.save(update_fields=["huidige_school", "huidige_groep"])
    if open_ is not None:
        _na_mutatie("uitschrijving", open_, open_.tot)
    _na_mutatie("inschrijving", nieuw, van)
    return nieuw


@transaction.atomic
def schrijf_uit(*, leerling: Leerling, tot: date) -> None:
    """End the open enrolment on `tot`; the former school loses access, the history stays."""
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    open_ = Inschrijving.objects.filter(leerling=leerling, tot__isnull=True).first()
    if open_ is None:
        raise ValidationError("Deze leerling heeft geen lopende inschrijving.")
    if tot < open_.van:
        raise ValidationError({"tot": "De uitschrijfdatum ligt vóór het begin van de inschrijving."})
    open_.tot = tot
    open_.save(update_fields=["tot"])
    leerling.huidige_school = None
    leerling.huidige_groep = None
    leerling.save(update_fields=["huidige_school", "huidige_groep"])
    _na_mutatie("uitschrijving", open_, tot)
