"""Shared machinery of the TLV services on top of cases.workflow: which steps belong to a role,
and a step recorded as an Overgang and in the audit log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from cases.workflow import voer_overgang_uit
from tlv.models import Overgang, Status, TLVAanvraag


def mogelijke_stappen(aanvraag: TLVAanvraag, user) -> list[str]:
    """Names of the transitions from the current state that belong to `user`'s role (conditions
    aside: the page shows why a step cannot be taken yet)."""
    uit = []
    for t in aanvraag.get_all_status_transitions():
        if t.source in (aanvraag.status, "*") and t.has_perm(aanvraag, user):
            uit.append(t.name)
    return uit


def stap(
    aanvraag: TLVAanvraag, naam: str, *, door, request=None, omschrijving: str = "", datum=None, **kwargs
):
    """Take transition `naam` for `door` on the aanvraag the caller locked (cases.workflow.vergrendel;
    ConcurrentTransitionMixin guards any stale copy): refused with Dutch reasons unless role and
    conditions hold; then saved, recorded as an Overgang and in the audit log."""

    def leg_overgang_vast(a: TLVAanvraag, van: str) -> None:
        nu = timezone.now()
        Overgang.objects.create(
            aanvraag=a, van=van, naar=a.status, op=nu, datum=datum or timezone.localdate(nu), door=door
        )

    def tekst(a: TLVAanvraag, van: str) -> str:
        return f"TLV-aanvraag: {Status(van).label} → {Status(a.status).label}" + (
            f" ({omschrijving})" if omschrijving else ""
        )

    return voer_overgang_uit(
        aanvraag,
        naam,
        door=door,
        request=request,
        argumenten=kwargs,
        vergrendelen=False,
        na=leg_overgang_vast,
        omschrijving=tekst,
    )


def eis(voorwaarde: bool, melding: str) -> None:
    if not voorwaarde:
        raise PermissionDenied(melding)
