"""Celery wiring: the configured broker answers (Redis in CI, the filesystem broker otherwise),
and every task in the beat schedule imports and binds its arguments (as Open Forms does)."""

import importlib
import inspect

from django.conf import settings

from config.celery import app


def test_broker_bereikbaar():
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=2)
        assert conn.connected


def test_beat_schedule_taken_bestaan_en_binden():
    for naam, entry in settings.CELERY_BEAT_SCHEDULE.items():
        module_naam, _, functie = entry["task"].rpartition(".")
        taak = getattr(importlib.import_module(module_naam), functie)
        inspect.signature(taak.run).bind(*entry.get("args", ()), **entry.get("kwargs", {}))
        assert naam
