"""The one workflow toolkit of the project [issue 15]: lock a row, explain in Dutch why a
django-fsm-2 transition cannot be taken, take it and record it. Every app (tlv, zorgplicht, verzuim,
cases/interventie, cases/dossier, cases/termijnen) uses these instead of its own copy.

- `vergrendel(obj)`: the row again, locked for this transaction (select_for_update); a second click,
  tab or user waits there and then sees the state the first one left.
- `weigerredenen(obj, naam, user=None)`: why transition `naam` cannot be taken now, in Dutch; empty
  when it can. The reasons are the first docstring lines of the failed conditions, so a rule is
  written once, on the model.
- `kan(obj, naam, user=None)`: whether it can (for buttons and pre-checks).
- `voer_overgang_uit(obj, naam, *, door, ...)`: lock (unless the caller already did), refuse
  (`PermissionDenied` for the role, `OvergangGeweigerd` with the reasons), run the transition, save,
  then the app's side effect (`na=`) and one audit row `AuditActie.OVERGANG` (`omschrijving=`).

How a refusal is worded is the app's own: a model sets `weigerteksten = Weigerteksten(...)` and every
function above reads it; models without it get the defaults."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django_fsm import TransitionNotAllowed


class OvergangGeweigerd(TransitionNotAllowed):
    """A refused step, with the Dutch reasons (the rules that are not met) in `redenen`; the message
    is `inleiding` followed by the reasons."""

    def __init__(self, redenen: list[str], *, inleiding: str = "", **kwargs):
        self.redenen = list(redenen)
        super().__init__(inleiding + " ".join(self.redenen), **kwargs)


@dataclass(frozen=True)
class Weigerteksten:
    """An app's Dutch wording of a refusal, as format strings. `{status}`: the label of the current
    state; `{regel}`: a condition's (or the permission's) docstring; `{wat}`: the step as the caller
    names it in `voer_overgang_uit(wat=...)`."""

    status: str = "Deze stap kan niet vanuit de status '{status}'."
    voorwaarde: str = "{regel}"
    rol: str = "U mag deze stap niet zetten. {regel}"
    # True: a role that may not take the step is one of the reasons (OvergangGeweigerd);
    # False: the runner refuses it first with PermissionDenied.
    rol_is_reden: bool = False
    inleiding: str = ""


STANDAARD = Weigerteksten()


def _teksten(obj) -> Weigerteksten:
    return getattr(type(obj), "weigerteksten", STANDAARD)


def _meta(obj, naam: str):
    return getattr(type(obj), naam)._django_fsm


def regeltekst(functie) -> str:
    """The Dutch rule of a condition: the first line of its docstring (else its name)."""
    return (functie.__doc__ or functie.__name__).strip().splitlines()[0]


def _rolweigering(obj, overgang, wat: str = "") -> str:
    permissie = overgang.permission
    regel = (permissie.__doc__ or "").strip() if callable(permissie) else ""
    return _teksten(obj).rol.format(regel=regel, wat=wat).strip()


def weigerredenen(obj, naam: str, user=None) -> list[str]:
    """Why transition `naam` cannot be taken now (by `user`, when given), in Dutch; [] when it can."""
    teksten = _teksten(obj)
    meta = _meta(obj, naam)
    huidige = meta.field.get_state(obj)
    overgang = meta.get_transition(huidige)
    if overgang is None:
        label = dict(meta.field.flatchoices).get(huidige, huidige)
        return [teksten.status.format(status=label)]
    redenen = []
    if user is not None and not overgang.has_perm(obj, user):
        redenen.append(_rolweigering(obj, overgang))
    redenen += [
        teksten.voorwaarde.format(regel=regeltekst(conditie))
        for conditie in overgang.conditions
        if not conditie(obj)
    ]
    return redenen


def kan(obj, naam: str, user=None, *, voorwaarden: bool = True) -> bool:
    """Whether transition `naam` can be taken now: it exists from the current state, belongs to
    `user`'s role (when given) and, with `voorwaarden`, its conditions hold. Without `voorwaarden`
    a page shows the button and the refusal explains what is missing."""
    meta = _meta(obj, naam)
    overgang = meta.get_transition(meta.field.get_state(obj))
    if overgang is None or (user is not None and not overgang.has_perm(obj, user)):
        return False
    return not voorwaarden or all(conditie(obj) for conditie in overgang.conditions)


def vergrendel(obj: models.Model, *, select_related=(), prefetch_related=()) -> models.Model:
    """`obj`'s row again, locked until the transaction ends (only that row, also with
    `select_related`): work on the returned fresh instance."""
    qs = type(obj)._default_manager.select_for_update(of=("self",))
    if select_related:
        qs = qs.select_related(*select_related)
    if prefetch_related:
        qs = qs.prefetch_related(*prefetch_related)
    return qs.get(pk=obj.pk)


def voer_overgang_uit(
    obj,
    naam: str,
    *,
    door,
    request=None,
    omschrijving: str | Callable | None = None,
    leerling=None,
    argumenten: dict | None = None,
    wat: str = "",
    vergrendelen: bool = True,
    na: Callable | None = None,
):
    """Take transition `naam` on `obj` for `door` and return the (fresh) object.

    Locks `obj` first unless `vergrendelen=False` (the caller locked it and may have changed it);
    refuses a role with PermissionDenied (or, with `rol_is_reden`, as a reason) and unmet conditions
    with OvergangGeweigerd; calls the transition with `argumenten`, saves, calls `na(obj, van)` and,
    when `omschrijving` is given (a text, or `omschrijving(obj, van)`), writes one audit row
    AuditActie.OVERGANG for `leerling` (default `obj.leerling`). `van` is the state before."""
    from cases.models.audit import AuditActie
    from cases.services.audit import log

    with transaction.atomic():
        if vergrendelen:
            obj = vergrendel(obj)
        teksten = _teksten(obj)
        meta = _meta(obj, naam)
        van = meta.field.get_state(obj)
        overgang = meta.get_transition(van)
        if overgang is not None and not teksten.rol_is_reden and not overgang.has_perm(obj, door):
            raise PermissionDenied(_rolweigering(obj, overgang, wat))
        redenen = weigerredenen(obj, naam, door if teksten.rol_is_reden else None)
        if redenen:
            raise OvergangGeweigerd(
                redenen, inleiding=teksten.inleiding.format(wat=wat), object=obj, method=naam
            )
        getattr(obj, naam)(**(argumenten or {}))
        obj.save()
        if na is not None:
            na(obj, van)
        if omschrijving is not None:
            log(
                actie=AuditActie.OVERGANG,
                request=request,
                user=door,
                obj=obj,
                leerling=obj.leerling if leerling is None else leerling,
                omschrijving=omschrijving(obj, van) if callable(omschrijving) else omschrijving,
            )
    return obj
