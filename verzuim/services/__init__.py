"""Write paths of verzuim/: keyword-only, atomic, audited [conventions 'Workflow']."""

from django.core.exceptions import PermissionDenied, ValidationError

from cases.scope import scope_for


def eis_rol(door, *soorten: str, melding: str = "Deze handeling hoort niet bij uw rol.") -> None:
    if not scope_for(door).heeft(*soorten):
        raise PermissionDenied(melding)


def eis_school(door, school_id: int) -> None:
    scope = scope_for(door)
    if not (scope.alles or school_id in scope.school_ids):
        raise PermissionDenied("Deze leerling staat niet ingeschreven op uw school.")


def weiger(tekst: str, veld: str | None = None):
    return ValidationError({veld: tekst} if veld else tekst)


def eis_in_scope(door, obj) -> None:
    """The object must be visible to `door` through its model's filter_for_user."""
    if not type(obj).objects.filter_for_user(door).filter(pk=obj.pk).exists():
        raise PermissionDenied("Dit valt buiten uw werkgebied.")
