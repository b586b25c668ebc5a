"""Shared machinery of the TLV services: lock the aanvraag, explain a refused transition in Dutch,
take the transition, record it (Overgang + audit log)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_fsm import TransitionNotAllowed

from cases.models.audit import AuditActie
from cases.services.audit import log
from tlv.models import Overgang, Status, TLVAanvraag


class OvergangGeweigerd(TransitionNotAllowed):
    """A refused step, with the reasons in Dutch (for the user) in `redenen`."""

    def __init__(self, redenen: list[str], **kwargs):
        self.redenen = redenen
        super().__init__(" ".join(redenen), **kwargs)


def _transitie(aanvraag: TLVAanvraag, naam: str):
    methode = getattr(TLVAanvraag, naam)
    return methode._django_fsm.get_transition(aanvraag.status)


def conditie_tekst(conditie) -> str:
    return (conditie.__doc__ or conditie.__name__).strip().splitlines()[0]


def redenen_geweigerd(aanvraag: TLVAanvraag, naam: str, user=None) -> list[str]:
    """Why `user` cannot take transition `naam` now, in Dutch; empty when the step is allowed.
    The UI shows these next to a disabled button; services raise them as OvergangGeweigerd."""
    transitie = _transitie(aanvraag, naam)
    if transitie is None:
        label = Status(aanvraag.status).label
        return [f"Deze stap is niet mogelijk in de status '{label}'."]
    redenen = []
    if user is not None and not transitie.has_perm(aanvraag, user):
        redenen.append("Deze stap hoort niet bij uw rol voor deze aanvraag.")
    for conditie in transitie.conditions:
        if not conditie(aanvraag):
            redenen.append(f"Niet voldaan: {conditie_tekst(conditie)}")
    return redenen


def mogelijke_stappen(aanvraag: TLVAanvraag, user) -> list[str]:
    """Names of the transitions from the current state that belong to `user`'s role (conditions
    aside: the page shows why a step cannot be taken yet)."""
    uit = []
    for t in aanvraag.get_all_status_transitions():
        if t.source in (aanvraag.status, "*") and t.has_perm(aanvraag, user):
            uit.append(t.name)
    return uit


def vergrendel(aanvraag: TLVAanvraag | int) -> TLVAanvraag:
    """The aanvraag row locked for this transaction: a second click, tab or user waits here and
    then sees the state the first one left (select_for_update; ConcurrentTransitionMixin guards
    any stale copy that would still be saved)."""
    pk = aanvraag.pk if isinstance(aanvraag, TLVAanvraag) else aanvraag
    return TLVAanvraag.objects.select_for_update(of=("self",)).get(pk=pk)


def stap(
    aanvraag: TLVAanvraag, naam: str, *, door, request=None, omschrijving: str = "", datum=None, **kwargs
):
    """Take transition `naam` for `door`: refused with Dutch reasons unless role and conditions
    hold; then saved, recorded as an Overgang and in the audit log."""
    redenen = redenen_geweigerd(aanvraag, naam, door)
    if redenen:
        raise OvergangGeweigerd(redenen, object=aanvraag, method=naam)
    van = aanvraag.status
    getattr(aanvraag, naam)(**kwargs)
    aanvraag.save()
    nu = timezone.now()
    Overgang.objects.create(
        aanvraag=aanvraag,
        van=van,
        naar=aanvraag.status,
        op=nu,
        datum=datum or timezone.localdate(nu),
        door=door,
    )
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"TLV-aanvraag: {Status(van).label} → {Status(aanvraag.status).label}"
        + (f" ({omschrijving})" if omschrijving else ""),
    )
    return aanvraag


def eis(voorwaarde: bool, melding: str) -> None:
    if not voorwaarde:
        raise PermissionDenied(melding)
