"""Celery tasks of the core app [issue 4, issue 13].

- the daily deadline sweep and digest (beat);
- the work a decision causes after its commit, planned through the outbox
  (cases.services.uitgaand.plan_taak): a letter's PDF, an OT-verslag's PDF;
- the outbox sweep (beat, every minute; and once at worker start for every open row).

All are idempotent and safe to re-run at any moment; the beat schedule lives in
config/settings/base.py (CELERY_BEAT_SCHEDULE). Dates travel as ISO strings, objects as ids.
Time limits stay below the Redis visibility timeout (docs/adr/0002-outbox-en-herlevering.md).
"""

from __future__ import annotations

import time
from datetime import date

from celery import shared_task
from celery.signals import worker_ready
from django.db import OperationalError

from cases.services.uitgaand import ViaUitgaand


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


# The registered names below are the names these tasks had before they moved here: messages
# already queued under those names must still find their task after a deploy.


@shared_task(
    base=ViaUitgaand,
    name="cases.brieven_tasks.render_brief_task",
    acks_late=True,
    autoretry_for=(OSError, OperationalError),
    retry_backoff=True,
    retry_backoff_max=30,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
def render_brief_task(brief_id: int) -> None:
    """Render a letter's PDF after the decision committed (idempotent: a letter with a PDF is
    left exactly as it is)."""
    from cases.services.brieven import render_brief

    render_brief(brief_id)


@shared_task(
    base=ViaUitgaand,
    name="cases.maak_ot_verslag_pdf",
    acks_late=True,
    autoretry_for=(OSError, OperationalError),
    retry_backoff=True,
    retry_backoff_max=30,
    max_retries=3,
    soft_time_limit=60,
    time_limit=90,
)
def maak_ot_verslag_pdf_task(bespreking_id: int) -> None:
    """Render the PDF of a vastgesteld OT-verslag (idempotent: nothing when it is up to date)."""
    from cases.dossier.services.ot import maak_ot_verslag_pdf

    maak_ot_verslag_pdf(bespreking_id)


@shared_task(acks_late=True, soft_time_limit=45, time_limit=55)
def uitgaand_sweep(alles: bool = False) -> dict:
    """Hand over outbox rows that never reached a worker [issue 13]; `alles` at worker start."""
    from django.utils import timezone

    from cases.services.uitgaand import PER_RONDE, verstuur_openstaande

    nu = timezone.now()  # fixed: a row handed over in this sweep is not taken again by its next round
    begin = time.monotonic()
    rondes, verstuurd, niet = 0, 0, 0
    while True:
        uitkomst = verstuur_openstaande(nu=nu, alles=alles)
        rondes += 1
        verstuurd += uitkomst.verstuurd
        niet += uitkomst.niet_verstuurd
        # The periodic sweep does one round a minute; at worker start every open row goes out, in
        # rounds of PER_RONDE (~6 s each) that stop well before the time limit; the periodic sweep
        # takes what is left.
        klaar = uitkomst.niet_verstuurd or uitkomst.verstuurd < PER_RONDE
        if not alles or klaar or time.monotonic() - begin > 25:
            break
    return {"rondes": rondes, "verstuurd": verstuurd, "niet_verstuurd": niet}


@worker_ready.connect
def _bij_workerstart(sender=None, **kwargs) -> None:
    """Sent only by a worker that has connected to its broker: every open outbox row goes out
    again, whatever its age (the tasks are idempotent, so duplicates change nothing). Queued as a
    task, so that it runs in a pool process with its time limit, not in the worker's main process."""
    uitgaand_sweep.apply_async(kwargs={"alles": True}, expires=300)


# The mails that go through the outbox: retried on a mail server that is away, within limits.
MAILTAAK = dict(
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
    soft_time_limit=30,
    time_limit=45,
)


@shared_task(
    base=ViaUitgaand,
    name="cases.beheer.stuur_uitnodiging",
    **MAILTAAK,
)
def stuur_uitnodiging_task(gebruiker_id: int) -> bool:
    """The "stel uw wachtwoord in" mail for a user the beheerder added [issue 14]; nothing once the
    user has set a password, so a duplicate message sends no second mail after that."""
    from cases.beheer.services import stuur_uitnodiging

    return stuur_uitnodiging(gebruiker_id)


@shared_task(
    base=ViaUitgaand,
    name="cases.ouderportaal.stuur_briefbericht",
    **MAILTAAK,
)
def stuur_briefbericht_task(bericht_id: int) -> bool:
    """The "a letter is ready in the portal" mail to an ouder [issue 17]; sent once."""
    from cases.ouderportaal.brieven import stuur_briefbericht

    return stuur_briefbericht(bericht_id)


@shared_task(
    base=ViaUitgaand,
    name="cases.ouderportaal.stuur_uitnodiging",
    **MAILTAAK,
)
def stuur_ouder_uitnodiging_task(uitnodiging_id: int) -> bool:
    """The invitation to the ouderportaal [issue 17]: makes the token when it sends, sent once."""
    from cases.ouderportaal.services.toegang import stuur_uitnodiging

    return stuur_uitnodiging(uitnodiging_id)
