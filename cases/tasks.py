"""Celery tasks of the core app: the daily deadline sweep and the daily digest [issue 4].

Both are idempotent and safe to re-run at any moment; the beat schedule lives in
config/settings/base.py (CELERY_BEAT_SCHEDULE). Dates travel as ISO strings.
"""

from __future__ import annotations

from datetime import date

from celery import shared_task


def _datum(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


@shared_task(acks_late=True, soft_time_limit=110, time_limit=170)
def termijnen_sweep(peildatum: str | None = None) -> dict:
    """Mark overdue terms and notify the responsible people (set-based, idempotent)."""
    from cases.termijnen.meldingen import sweep

    uitkomst = sweep(vandaag=_datum(peildatum))
    return {
        "peildatum": uitkomst.peildatum.isoformat(),
        "verlopen": uitkomst.verlopen,
        "meldingen": uitkomst.meldingen,
    }


@shared_task(acks_late=True, soft_time_limit=110, time_limit=170)
def termijnen_digest(peildatum: str | None = None) -> int:
    """One e-mail per user with the notifications not yet read or mailed."""
    from cases.termijnen.meldingen import verstuur_digest

    return verstuur_digest(vandaag=_datum(peildatum))
