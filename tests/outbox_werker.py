"""A real Celery worker as a subprocess, for the outbox test (tests/test_outbox.py) and its bench
(bench/bench_outbox.py) [issue 13]: started on the database and Redis the caller names, on a queue
of its own, killed with SIGKILL as a whole process group (main process and pool), restarted."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


def database_url(settings_dict: dict) -> str:
    """The URL of the database Django is connected to (in a test: the test database)."""
    user = quote(settings_dict.get("USER") or "")
    wachtwoord = settings_dict.get("PASSWORD") or ""
    login = f"{user}:{quote(wachtwoord)}@" if wachtwoord else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    poort = settings_dict.get("PORT") or "5432"
    return f"postgres://{login}{host}:{poort}/{settings_dict['NAME']}"


@contextlib.contextmanager
def celery_instellingen(**conf):
    """Change the in-process Celery app's configuration (broker, eager mode, default queue) for a
    block, dropping its cached connection pool and routing so that the change takes effect."""
    from config.celery import app

    def _vergeet():
        # Only drop the references: kombu keeps the pool per broker URL and hands it out again.
        app._pool = None
        app.__dict__.pop("amqp", None)

    oud = {k: app.conf[k] for k in conf}
    _vergeet()
    app.conf.update(conf)
    try:
        yield app
    finally:
        _vergeet()
        app.conf.update(oud)


class Werker:
    """`celery -A config worker` (prefork) with tests.worker_settings; logs kept across restarts."""

    def __init__(
        self,
        *,
        database_url: str,
        broker_url: str,
        queue: str,
        media_root: Path,
        logmap: Path,
        concurrency: int = 2,
        render_vertraging: float = 0.0,
    ) -> None:
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url,
            "PRIVATE_MEDIA_ROOT": str(media_root),
            "PASSEND_TEST_QUEUE": queue,
            "PASSEND_TEST_RENDER_VERTRAGING": str(render_vertraging),
            "PYTHONUNBUFFERED": "1",
        }
        self.queue = queue
        self.concurrency = concurrency
        self.logmap = logmap
        self.proc: subprocess.Popen | None = None
        self.runs = 0

    def start(self) -> None:
        self.runs += 1
        log = open(self.logmap / f"werker-{self.runs}.log", "wb")  # noqa: SIM115 (closed in _wacht)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=prefork",
                f"--concurrency={self.concurrency}",
                "-Q",
                self.queue,
                "-n",
                f"{self.queue}-{self.runs}@%h",
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL reaches the pool too
        )
        self._log = log

    def is_klaar_voor_werk(self) -> bool:
        """The current run logged Celery's 'ready.' line (connected, consuming)."""
        pad = self.logmap / f"werker-{self.runs}.log"
        return pad.exists() and b" ready." in pad.read_bytes()

    def leeft(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL to the whole process group: no warm shutdown, no acknowledgement, no cleanup."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._wacht(10)

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self._wacht(10)

    def _wacht(self, seconden: float) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(seconden)
        # Pool processes may outlive the main process by a moment; the group is gone when this fails.
        eind = time.monotonic() + seconden
        while time.monotonic() < eind:
            try:
                os.killpg(self.proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        self._log.close()
        self.proc = None

    def logs(self) -> str:
        delen = []
        for i in range(1, self.runs + 1):
            pad = self.logmap / f"werker-{i}.log"
            if pad.exists():
                delen.append(f"--- worker run {i} ---\n" + pad.read_text(errors="replace")[-20_000:])
        return "\n".join(delen)


def nieuwe_queue() -> str:
    return f"passend-test-outbox-{uuid.uuid4().hex[:10]}"


def redis_client(broker_url: str):
    import redis

    return redis.Redis.from_url(broker_url, socket_connect_timeout=2, socket_timeout=5)


def onbevestigd(broker_url: str, queue: str) -> int:
    """Messages of this queue that a worker took and did not acknowledge (kombu's 'unacked' hash)."""
    r = redis_client(broker_url)
    n = 0
    for _tag, ruw in r.hscan_iter("unacked"):
        with contextlib.suppress(ValueError, TypeError):
            if json.loads(ruw)[2] == queue:
                n += 1
    return n


def ruim_queue_op(broker_url: str, queue: str) -> None:
    """Remove the queue, its binding and its unacknowledged messages from Redis."""
    r = redis_client(broker_url)
    for tag, ruw in list(r.hscan_iter("unacked")):
        with contextlib.suppress(ValueError, TypeError):
            if json.loads(ruw)[2] == queue:
                r.hdel("unacked", tag)
                r.zrem("unacked_index", tag)
    r.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
