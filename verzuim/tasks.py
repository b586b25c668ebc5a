"""Celery tasks of verzuim/: the daily thuiszitters sweep (idempotent, set-based)."""

from __future__ import annotations

from datetime import date

from celery import shared_task


@shared_task(acks_late=True, soft_time_limit=110, time_limit=170)
def thuiszitters_sweep(peildatum: str | None = None) -> int:
    """Open an escalation for every thuiszitter nearing three months at home [domain §10]."""
    from verzuim.services.thuiszitters import signaleer_drie_maanden

    return len(signaleer_drie_maanden(peildatum=date.fromisoformat(peildatum) if peildatum else None))


@shared_task(acks_late=True, soft_time_limit=110, time_limit=170)
def verantwoording_uitvragen(peildatum: str | None = None) -> int:
    """1 November: every SWV asks its schoolbesturen for the verantwoording over the past year
    [002 L396]; safe to re-run."""
    from verzuim.services.verantwoording import vraag_alle_verantwoordingen

    return vraag_alle_verantwoordingen(peildatum=date.fromisoformat(peildatum) if peildatum else None)


@shared_task(acks_late=True, soft_time_limit=110, time_limit=170)
def verantwoording_sweep(peildatum: str | None = None) -> int:
    """Daily: a verantwoording past its last day and not delivered opens an escalation [002 L396]."""
    from verzuim.services.verantwoording import signaleer_verantwoordingen

    return len(signaleer_verantwoordingen(peildatum=date.fromisoformat(peildatum) if peildatum else None))
