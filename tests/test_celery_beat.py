"""The beat schedule [issue 4, conventions 'Celery']: every scheduled task imports, binds its
arguments and runs; the deadline sweep runs daily before the digest that reports on it."""

import importlib
import inspect

import pytest
from celery.schedules import crontab
from django.conf import settings


@pytest.mark.parametrize("naam", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_geplande_taak_bestaat_en_bindt(naam):
    entry = settings.CELERY_BEAT_SCHEDULE[naam]
    module_naam, _, functie = entry["task"].rpartition(".")
    taak = getattr(importlib.import_module(module_naam), functie)
    assert taak.name == entry["task"]
    inspect.signature(taak.run).bind(*entry.get("args", ()), **entry.get("kwargs", {}))


def test_sweep_dagelijks_voor_de_digest():
    sweep = settings.CELERY_BEAT_SCHEDULE["termijnen-sweep"]["schedule"]
    digest = settings.CELERY_BEAT_SCHEDULE["termijnen-digest"]["schedule"]
    assert isinstance(sweep, crontab)
    assert isinstance(digest, crontab)
    assert sweep.day_of_week == digest.day_of_week == set(range(7))
    assert len(sweep.hour) == len(digest.hour) == 1
    assert (min(sweep.hour), min(sweep.minute)) < (min(digest.hour), min(digest.minute))


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ["termijnen-sweep", "termijnen-digest"])
def test_termijntaken_draaien_met_hun_planning(naam):
    entry = settings.CELERY_BEAT_SCHEDULE[naam]
    module_naam, _, functie = entry["task"].rpartition(".")
    taak = getattr(importlib.import_module(module_naam), functie)
    taak.apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=True)
