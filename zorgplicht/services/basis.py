"""Shared machinery of the zorgplicht services: lock, refused-step reasons, transition, term, letter."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cases.models import School
from cases.scope import scope_for
from cases.services.brieven import BriefFout, maak_brief
from zorgplicht.models import Aanmelding


class ZorgplichtFout(ValidationError):
    """A step that may not be taken, with the reason in Dutch."""


def _vandaag() -> date:
    return timezone.localdate()


def weigerredenen(aanmelding: Aanmelding, overgang: str) -> list[str]:
    """Why a transition may not happen now, in Dutch: the docstring of each failed condition."""
    meta = getattr(type(aanmelding), overgang)._django_fsm
    t = meta.get_transition(aanmelding.status)
    if t is None:
        return [f"Dat kan niet nu de aanmelding de status '{aanmelding.get_status_display()}' heeft."]
    return [c.__doc__.strip() for c in t.conditions if not c(aanmelding)]


def kan(aanmelding: Aanmelding, overgang: str, user) -> bool:
    """Whether `user` may take this step now (for showing buttons)."""
    meta = getattr(type(aanmelding), overgang)._django_fsm
    return meta.has_transition(aanmelding.status) and meta.has_transition_perm(
        aanmelding, aanmelding.status, user
    )


def _overgang(aanmelding: Aanmelding, overgang: str, door, wat: str) -> None:
    meta = getattr(type(aanmelding), overgang)._django_fsm
    if meta.has_transition(aanmelding.status) and not meta.has_transition_perm(
        aanmelding, aanmelding.status, door
    ):
        raise PermissionDenied(f"{wat}: dat hoort niet bij uw rol voor deze aanmelding.")
    redenen = weigerredenen(aanmelding, overgang)
    if redenen:
        raise ZorgplichtFout(f"{wat} kan niet: " + " ".join(redenen))
    getattr(aanmelding, overgang)()
    aanmelding.save()


def _lock(aanmelding: Aanmelding) -> Aanmelding:
    return (
        Aanmelding.objects.select_for_update(of=("self",))
        .select_related("school__bestuur", "school__regio", "leerling", "swv")
        .get(pk=aanmelding.pk)
    )


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
