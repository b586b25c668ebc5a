"""The transactional outbox [issue 13]: nothing a decision causes gets lost between its commit and
the worker.

- `plan_taak(taak, *args)` records the work as an `UitgaandeTaak` row in the caller's transaction
  and hands it to the broker after commit. A broker that is down or slow never fails the user's
  decision: the failure is logged (task name and row id only) and the row waits for the sweep.
- `verstuur_openstaande()` is the sweep (cases.tasks.uitgaand_sweep, every minute and at worker
  start): set-based, a fixed number of queries however many rows are open.
- `ViaUitgaand` is the base class of every task that goes through the outbox: it counts the start
  and marks its row done after success. The tasks themselves are idempotent, so a duplicate
  message (the sweep and a late redelivery both handing over the same row) changes nothing.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery import Task, current_app
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from cases.models.uitgaand import UitgaandeTaak

logger = logging.getLogger(__name__)

HEADER = "passend_uitgaand"  # message header that carries the row id to the worker

# A row handed over this long ago and still not done is handed over again. Longer than the Redis
# visibility timeout (config/settings/base.py), so Redis' own redelivery of an unacknowledged
# message comes first and the sweep catches what the broker lost (docs/adr/0002).
OPNIEUW_NA = timedelta(minutes=10)
# A row whose after-commit hand-over failed is picked up by the next sweep once it is this old
# (younger rows are probably being handed over right now).
NOOIT_VERSTUURD_NA = timedelta(seconds=30)
# After this many starts without success the periodic sweep stops; a worker start still tries.
MAX_POGINGEN = 20
# Rows per sweep round; the worker-start sweep runs rounds until nothing is left.
PER_RONDE = 10_000
# Done rows are kept this long for tracing, then removed by the sweep.
BEWAAR_GEDAAN = timedelta(days=30)


def _rij_id(request) -> int | None:
    # A worker puts custom headers on the request and in request.headers; eager mode only in the latter.
    return (getattr(request, "headers", None) or {}).get(HEADER) or getattr(request, HEADER, None)


class ViaUitgaand(Task):
    """Base class of a task planned with `plan_taak`: counts its start, marks its row done."""

    def before_start(self, task_id, args, kwargs):
        if (pk := _rij_id(self.request)) is not None:
            UitgaandeTaak.objects.filter(pk=pk).update(pogingen=F("pogingen") + 1)

    def on_success(self, retval, task_id, args, kwargs):
        if (pk := _rij_id(self.request)) is not None:
            markeer_gedaan(pk)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # The exception's class only: its message may name a letter or a pupil.
        if (pk := _rij_id(self.request)) is not None:
            UitgaandeTaak.objects.filter(pk=pk, gedaan_op__isnull=True).update(
                laatste_fout=type(exc).__name__[:200]
            )


def markeer_gedaan(pk: int) -> bool:
    """Idempotent: the first success counts, a duplicate run leaves the row as it was."""
    return bool(UitgaandeTaak.objects.filter(pk=pk, gedaan_op__isnull=True).update(gedaan_op=timezone.now()))


def plan_taak(taak: ViaUitgaand, *args) -> UitgaandeTaak:
    """Record `taak(*args)` in the current transaction; hand it to the broker after commit.
    Arguments are ids (JSON), never objects or personal data."""
    if not isinstance(taak, ViaUitgaand):
        raise TypeError(f"{taak.name} moet base=ViaUitgaand hebben om via de outbox te lopen.")
    rij = UitgaandeTaak.objects.create(taak=taak.name, args=list(args))
    pk, naam, lijst = rij.pk, taak.name, list(args)

    def na_commit() -> None:  # a named function: Django logs a robust callback's failure by its name
        _verstuur_na_commit(pk, naam, lijst)

    transaction.on_commit(na_commit, robust=True)
    return rij


@functools.cache
def _brokerfouten(url: str) -> tuple[type[BaseException], ...]:
    """What a publish raises when the broker is away: kombu's OperationalError (retries used up)
    and the transport's own connection errors (redis-py's, socket errors)."""
    from kombu.exceptions import OperationalError

    conn = current_app.connection_for_write()
    try:
        return (OperationalError, OSError, *conn.connection_errors, *conn.channel_errors)
    finally:
        conn.release()


def _fouten() -> tuple[type[BaseException], ...]:
    if current_app.conf.task_always_eager:
        # No broker in between: whatever the task raises is the task's own error (the Redis
        # transport counts even KeyError among its channel errors), so nothing is caught.
        return ()
    return _brokerfouten(current_app.conf.broker_write_url or current_app.conf.broker_url or "")


def _publiceer_een(naam: str, args: list, pk: int, producer=None) -> None:
    taak = current_app.tasks.get(naam)
    if taak is None:  # a task this process did not import: the worker knows it by name
        current_app.send_task(naam, args=args, headers={HEADER: pk}, producer=producer)
    else:
        taak.apply_async(args=args, headers={HEADER: pk}, producer=producer)


def _verstuur_na_commit(pk: int, naam: str, args: list) -> None:
    try:
        _publiceer_een(naam, args, pk)
    except _fouten() as exc:
        logger.warning(
            "Taak %s (uitgaand #%s) niet aan de broker gegeven (%s: %s); de sweep geeft haar later door.",
            naam,
            pk,
            type(exc).__name__,
            str(exc)[:200],
        )
        return
    UitgaandeTaak.objects.filter(pk=pk).update(
        laatst_verstuurd_op=timezone.now(), keer_verstuurd=F("keer_verstuurd") + 1
    )


@dataclass(frozen=True)
class SweepUitkomst:
    verstuurd: int
    niet_verstuurd: int
    opgeruimd: int


def openstaand(*, nu: datetime, alles: bool = False):
    """Rows to hand over: not done and (never handed over, or handed over too long ago).
    `alles` (worker start): every row not done and not yet handed over by this sweep (`nu` is the
    sweep's start), whatever its age or number of attempts."""
    qs = UitgaandeTaak.objects.filter(gedaan_op__isnull=True)
    if alles:
        return qs.filter(Q(laatst_verstuurd_op__isnull=True) | Q(laatst_verstuurd_op__lt=nu))
    return qs.filter(pogingen__lt=MAX_POGINGEN).filter(
        Q(laatst_verstuurd_op__isnull=True, aangemaakt_op__lt=nu - NOOIT_VERSTUURD_NA)
        | Q(laatst_verstuurd_op__lt=nu - OPNIEUW_NA)
    )


def verstuur_openstaande(*, nu: datetime | None = None, alles: bool = False) -> SweepUitkomst:
    """One round of the sweep: select the ids in one query, record the hand-over in one UPDATE,
    commit, then publish. Concurrent sweeps skip each other's rows (PostgreSQL SKIP LOCKED;
    SQLite serialises writers). A publish that fails stops the round: the rows not handed over are
    reset in one UPDATE, so the next sweep takes them."""
    nu = nu or timezone.now()
    with transaction.atomic():
        rijen = list(
            openstaand(nu=nu, alles=alles)
            .select_for_update(skip_locked=True)
            .order_by("id")
            .values_list("id", "taak", "args")[:PER_RONDE]
        )
        ids = [r[0] for r in rijen]
        if ids:
            UitgaandeTaak.objects.filter(id__in=ids).update(
                laatst_verstuurd_op=nu, keer_verstuurd=F("keer_verstuurd") + 1
            )
    verstuurd = _publiceer_rijen(rijen)
    if verstuurd < len(rijen):
        UitgaandeTaak.objects.filter(id__in=ids[verstuurd:]).update(
            laatst_verstuurd_op=None, keer_verstuurd=F("keer_verstuurd") - 1
        )
    opgeruimd, _ = UitgaandeTaak.objects.filter(gedaan_op__lt=nu - BEWAAR_GEDAAN).delete()
    return SweepUitkomst(verstuurd=verstuurd, niet_verstuurd=len(rijen) - verstuurd, opgeruimd=opgeruimd)


def _publiceer_rijen(rijen: list[tuple[int, str, list]]) -> int:
    """Publish over one pooled producer; returns how many were handed over before a broker failure."""
    if not rijen:
        return 0
    gedaan = 0
    try:
        if current_app.conf.task_always_eager:
            for pk, naam, args in rijen:
                _publiceer_een(naam, args, pk)
                gedaan += 1
        else:
            with current_app.producer_or_acquire() as producer:
                for pk, naam, args in rijen:
                    _publiceer_een(naam, args, pk, producer=producer)
                    gedaan += 1
    except _fouten() as exc:
        logger.warning(
            "Sweep: %s van %s taken doorgegeven, daarna broker onbereikbaar (%s: %s).",
            gedaan,
            len(rijen),
            type(exc).__name__,
            str(exc)[:200],
        )
    return gedaan
