"""Shared machinery of the zorgplicht services on top of cases.workflow: lock, step, term, letter."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import School
from cases.scope import scope_for
from cases.services.brieven import BriefFout, maak_brief
from cases.workflow import OvergangGeweigerd, vergrendel, voer_overgang_uit
from zorgplicht.models import Aanmelding


class ZorgplichtFout(ValidationError):
    """A step that may not be taken, with the reason in Dutch."""


def _vandaag() -> date:
    return timezone.localdate()


def _overgang(
    aanmelding: Aanmelding, overgang: str, door, wat: str, *, request=None, omschrijving: str
) -> None:
    """Take the step on the aanmelding the caller locked (and may have changed); a refusal becomes a
    ZorgplichtFout starting with `wat`."""
    try:
        voer_overgang_uit(
            aanmelding,
            overgang,
            door=door,
            request=request,
            wat=wat,
            vergrendelen=False,
            omschrijving=omschrijving,
        )
    except OvergangGeweigerd as exc:
        raise ZorgplichtFout(str(exc)) from exc


def _lock(aanmelding: Aanmelding) -> Aanmelding:
    return vergrendel(aanmelding, select_related=("school__bestuur", "school__regio", "leerling", "swv"))


def _termijn(aanmelding: Aanmelding):
    """The Termijn record of this aanmelding in cases (deadline sweep and notifications to directeur
    and SC), or None for an aanmelding from before it existed. Its end is computed by the same
    engine from the same dates as zorgplicht/termijnen.py."""
    from django.contrib.contenttypes.models import ContentType

    from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn, TermijnSoort

    return (
        Termijn.objects.select_for_update()
        .filter(
            content_type=ContentType.objects.get_for_model(Aanmelding),
            object_id=aanmelding.pk,
            soort=TermijnSoort.ZORGPLICHT,
            status__in=OPEN_STATUSSEN,
        )
        .first()
    )


def _niet_in_toekomst(d: date, veld: str, label: str) -> None:
    if d > _vandaag():
        raise ZorgplichtFout({veld: f"De {label} ligt in de toekomst; vul de werkelijke datum in."})


def _ondertekenaar(door, school: School) -> str:
    from cases.models.rollen import RolSoort

    rol = next((r for r in scope_for(door).rollen if r.school_id == school.pk), None)
    functie = RolSoort(rol.soort).label if rol else "namens de school"
    return f"{door.get_full_name() or door.username}, {functie} {school.naam}"


def _brief(aanmelding: Aanmelding, *, soort: str, onderwerp: str, door, context: dict, bezwaar: bool = False):
    school = aanmelding.school
    basis = {
        "school_naam": school.naam,
        "school_adres": school.adres,
        "school_plaats": school.postcode_plaats,
        "aanmelding_op": aanmelding.aanmelding_op,
        "leerling_voornaam": aanmelding.leerling.voornaam,
    }
    try:
        return maak_brief(
            zaak=aanmelding,
            leerling=aanmelding.leerling,
            soort=soort,
            template=f"brieven/{soort}.html",
            onderwerp=onderwerp,
            context={**basis, **context},
            door=door,
            bezwaarclausule=bezwaar,
            ondertekenaar=_ondertekenaar(door, school),
        )
    except BriefFout as exc:
        raise ZorgplichtFout(str(exc)) from exc
