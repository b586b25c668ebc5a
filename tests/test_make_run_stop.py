"""`make run` stops cleanly [issue 13]: Ctrl-C on config/dev_run.py stops web server, worker and beat
within 10 s, with one "Warm shutdown" line, no segmentation fault and no process left behind."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs supervise() on the given (name, argv) pairs, so its rules can be tried on tiny processes.
DRIVER = """
import json, sys
from config.dev_run import Proces, supervise
processen = [Proces(naam, argv) for naam, argv in json.loads(sys.argv[1])]
sys.exit(supervise(processen, stop_seconden=float(sys.argv[2])))
"""


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, ppid, starttime) from /proc, or None when the process is gone."""
    try:
        tekst = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    velden = tekst.rsplit(")", 1)[1].split()
    return velden[0], int(velden[1]), int(velden[19])


def _nakomelingen(pid: int) -> dict[int, int]:
    """Every descendant of `pid` with its start time (to tell a reused pid apart)."""
    kinderen: dict[int, list[int]] = {}
    start: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit() and (s := _stat(int(p.name))):
            kinderen.setdefault(s[1], []).append(int(p.name))
            start[int(p.name)] = s[2]
    gevonden, rij = {}, [pid]
    while rij:
        for kind in kinderen.get(rij.pop(), []):
            gevonden[kind] = start[kind]
            rij.append(kind)
    return gevonden


def _levend(pids: dict[int, int]) -> list[int]:
    return [pid for pid, begin in pids.items() if (s := _stat(pid)) and s[2] == begin and s[0] != "Z"]


def _opruimen(pids: dict[int, int]) -> None:
    for pid in _levend(pids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht_op(voorwaarde, *, seconden: float, wat: str, log: Path) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    pytest.fail(f"{wat} niet binnen {seconden} s; log:\n{log.read_text()[-3000:]}")


@pytest.fixture
def gemigreerde_sqlite(tmp_path, django_db_setup, django_db_blocker) -> Path:
    """A migrated SQLite file, as make run has (a worker may read tables when it starts). On SQLite
    a copy of the suite's own test database, so the migrations are not run a second time."""
    from django.db import connection

    doel = tmp_path / "db.sqlite3"
    if connection.vendor == "sqlite":
        with django_db_blocker.unblock():
            connection.ensure_connection()
            with sqlite3.connect(doel) as kopie:
                connection.connection.backup(kopie)
    else:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{doel}"}
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    with sqlite3.connect(doel) as db:
        assert db.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 0
    return doel


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_ctrl_c_stopt_webserver_worker_en_beat_binnen_10_seconden(tmp_path, gemigreerde_sqlite):
    """[issue 13] The real three processes on a temp SQLite database and filesystem broker: after
    Ctrl-C (SIGINT to the supervisor) everything is gone within 10 s, quietly."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{gemigreerde_sqlite}",
        CELERY_BROKER_URL="filesystem://",
        CELERY_FILESYSTEM_BROKER_DIR=str(tmp_path / "broker"),
        CELERY_BEAT_SCHEDULE_FILENAME=str(tmp_path / "celerybeat-schedule"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        PYTHONUNBUFFERED="1",
    )
    poort = _vrije_poort()
    log = tmp_path / "make-run.log"
    with log.open("wb") as uit:
        proc = subprocess.Popen(
            [sys.executable, "-m", "config.dev_run", "--port", str(poort)],
            cwd=ROOT,
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    boom: dict[int, int] = {}
    try:

        def login_antwoordt() -> bool:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/account/inloggen/", timeout=2) as r:
                    return r.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False

        _wacht_op(login_antwoordt, seconden=90, wat="inlogpagina", log=log)
        _wacht_op(lambda: " ready." in log.read_text(), seconden=90, wat="worker", log=log)
        _wacht_op(lambda: "beat: Starting" in log.read_text(), seconden=30, wat="beat", log=log)
        boom = _nakomelingen(proc.pid)
        # worker + 2 pool processes, beat, runserver + its reloaded child
        assert len(boom) >= 6, boom

        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=10)
        duur = time.monotonic() - start
        tekst = log.read_text()

        assert code == 0, tekst[-3000:]
        assert duur < 10
        assert _levend(boom) == [], f"nog in leven: {_levend(boom)}"
        assert sum("shutdown" in regel.lower() for regel in tekst.splitlines()) < 20
        assert "Segmentation fault" not in tekst and "signal 11" not in tekst and "SIGSEGV" not in tekst
        assert "exited with 'signal" not in tekst  # no pool worker killed behind the worker's back
        assert "Passend: gestopt in" in tekst
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        _opruimen(boom)


def _supervise(tmp_path: Path, processen: list[tuple[str, list[str]]], *, stop_seconden: float):
    log = tmp_path / "supervisor.log"
    with log.open("wb") as uit:
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, json.dumps(processen), str(stop_seconden)],
            cwd=ROOT,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    return proc, log


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_onverwacht_gestopt_proces_stopt_de_andere_en_meldt_welk(tmp_path):
    """[issue 13] The worker dies on its own (leaving a forked child behind): the supervisor says
    which one in Dutch, stops the others, kills the orphan and exits non-zero."""
    pidbestand = tmp_path / "kleinkind.pid"
    worker = (
        "import os, sys, time\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        f"open({str(pidbestand)!r}, 'w').write(str(pid))\n"
        "time.sleep(0.5)\n"
        "sys.exit(3)\n"
    )
    proc, log = _supervise(
        tmp_path,
        [
            ("celery-worker", [sys.executable, "-c", worker]),
            ("webserver", [sys.executable, "-c", "import time; time.sleep(60)"]),
        ],
        stop_seconden=5,
    )
    try:
        _wacht_op(pidbestand.exists, seconden=10, wat="kleinkind", log=log)
        boom = _nakomelingen(proc.pid)
        code = proc.wait(timeout=10)
        tekst = log.read_text()
        assert code == 1, tekst
        assert "Passend: de celery-worker is onverwacht gestopt (exitcode 3)" in tekst
        kleinkind = int(pidbestand.read_text())
        assert kleinkind in boom
        assert _levend(boom) == []
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_proces_dat_sigterm_negeert_wordt_na_de_wachttijd_afgebroken(tmp_path):
    """[issue 13] A process (and its child) that ignore SIGTERM are SIGKILLed after the wait; the
    supervisor still exits 0 because the stop was asked for."""
    klaar = tmp_path / "klaar"
    koppig = (
        "import os, signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "if os.fork() == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        f"open({str(klaar)!r}, 'w').close()\n"
        "time.sleep(60)\n"
    )
    proc, log = _supervise(
        tmp_path,
        [
            ("celery-worker", [sys.executable, "-c", koppig]),
            ("celery-beat", [sys.executable, "-c", "import time; time.sleep(60)"]),
        ],
        stop_seconden=1,
    )
    try:
        _wacht_op(klaar.exists, seconden=10, wat="koppig proces", log=log)
        boom = _nakomelingen(proc.pid)
        assert len(boom) == 3
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=5)
        tekst = log.read_text()
        assert code == 0, tekst
        assert 1 <= time.monotonic() - start < 4
        assert "celery-worker reageerde niet binnen 1 s op SIGTERM: afgebroken met SIGKILL" in tekst
        assert _levend(boom) == []
    finally:
        if proc.poll() is None:
            proc.kill()
