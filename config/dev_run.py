"""`make run` [issue 13]: start the web server, a Celery worker and Celery beat; stop all three.

    python -m config.dev_run --host 127.0.0.1 --port 8000 [--stop-seconden 8]

Why a supervisor instead of `trap 'kill 0'` in the Makefile: that trap re-signalled its own
process group from inside its own handler (thousands of "Warm shutdown" lines until the shell
died of a segmentation fault). Here every process gets its own session (process group), so the
terminal's Ctrl-C reaches only this supervisor. It sends each process one SIGTERM, waits up to
`--stop-seconden`, then SIGKILLs the process groups that are still there and reaps them (it is
the child subreaper, so pool workers that lose their parent come back to it). When one process
dies on its own, the others are stopped and the exit status is 1.

The supervisor does not import Django: it holds no settings, database or broker connection; the
three processes read the same environment (DATABASE_URL, CELERY_BROKER_URL, ...) as before."""

from __future__ import annotations

import argparse
import ctypes
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
STOP_SECONDEN = 8.0
_PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Proces:
    naam: str  # how the Dutch messages name it
    argv: list[str]


def standaard_processen(host: str, port: int) -> list[Proces]:
    python = sys.executable
    return [
        # prefork as in production (docker-compose); letters render in the forked pool workers.
        Proces(
            "celery-worker",
            [python, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2"]
            + ["--pool=prefork"],
        ),
        Proces("celery-beat", [python, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO"]),
        Proces("webserver", [python, "manage.py", "runserver", f"{host}:{port}"]),
    ]


def _meld(tekst: str) -> None:
    print(f"Passend: {tekst}", file=sys.stderr, flush=True)


def _word_subreaper() -> None:
    """Orphans of our children (a prefork pool after its parent was killed) are re-parented to us,
    so we can kill and reap them instead of leaving them to init. Linux only; elsewhere a no-op."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _uitkomst(status: int) -> str:
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        return f"afgebroken door {signal.Signals(-code).name}"
    return f"exitcode {code}"


def _signaal(pgid: int, sig: int, *, groep: bool) -> None:
    try:
        if groep:
            os.killpg(pgid, sig)
        else:
            os.kill(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _reap_alles(lopend: dict[int, tuple[Proces, subprocess.Popen]]) -> list[tuple[Proces, int]]:
    """Reap every exited child (ours and adopted orphans); return our own with their status."""
    klaar = []
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        if pid in lopend:
            proces, popen = lopend.pop(pid)
            popen.returncode = os.waitstatus_to_exitcode(status)
            klaar.append((proces, status))
    return klaar


def supervise(processen: list[Proces], *, stop_seconden: float = STOP_SECONDEN) -> int:
    """Run `processen` until a signal (SIGINT/SIGTERM/SIGHUP) or until one of them exits; 0 after a
    requested stop, 1 when a process stopped on its own."""
    _word_subreaper()
    lees, schrijf = os.pipe()
    os.set_blocking(lees, False)
    os.set_blocking(schrijf, False)
    signal.set_wakeup_fd(schrijf)  # every signal (also SIGCHLD) wakes the select below
    verzoeken: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, _frame: verzoeken.append(signum))
    signal.signal(signal.SIGCHLD, lambda *_: None)

    uitkomst = 0
    stop_sinds: float | None = None
    afgebroken = False
    lopend: dict[int, tuple[Proces, subprocess.Popen]] = {}
    for proces in processen:
        try:
            # Own session: no terminal signals; stdin closed so nobody competes for the terminal.
            popen = subprocess.Popen(
                proces.argv, cwd=BASE_DIR, start_new_session=True, stdin=subprocess.DEVNULL
            )
        except OSError as exc:
            _meld(f"de {proces.naam} kon niet starten ({exc}); de andere processen stoppen.")
            uitkomst = 1
            verzoeken.append(0)
            break
        lopend[popen.pid] = (proces, popen)
    groepen = {pid: proces for pid, (proces, _) in lopend.items()}  # pgid == pid after setsid
    if not verzoeken:
        _meld(f"{', '.join(p.naam for p in processen)} gestart; Ctrl-C stopt ze.")

    def stop() -> None:
        nonlocal stop_sinds
        stop_sinds = time.monotonic()
        for pid in lopend:
            # One SIGTERM to the process itself: a Celery worker then stops its own pool (a signal
            # to the whole group would hit the pool workers too and log them as lost).
            _signaal(pid, signal.SIGTERM, groep=False)

    while lopend:
        if stop_sinds is None or afgebroken:
            wacht = 1.0 if stop_sinds is None else 0.1
        else:
            wacht = min(1.0, max(0.0, stop_sinds + stop_seconden - time.monotonic()))
        try:
            select.select([lees], [], [], wacht)
        except InterruptedError:
            pass
        try:
            while os.read(lees, 512):
                pass
        except BlockingIOError:
            pass
        for proces, status in _reap_alles(lopend):
            if stop_sinds is None:
                reden = _uitkomst(status)
                _meld(f"de {proces.naam} is onverwacht gestopt ({reden}); de andere processen stoppen.")
                uitkomst = 1
                stop()
        if verzoeken and stop_sinds is None:
            if uitkomst == 0:
                _meld(f"stoppen: {', '.join(p.naam for p, _ in lopend.values())} krijgen SIGTERM.")
            stop()
        if stop_sinds is not None and not afgebroken and time.monotonic() - stop_sinds >= stop_seconden:
            afgebroken = True
            namen = [p.naam for p, _ in lopend.values()]
            werkwoord = "reageerde" if len(namen) == 1 else "reageerden"
            _meld(
                f"{', '.join(namen)} {werkwoord} niet binnen {stop_seconden:g} s op SIGTERM: "
                "afgebroken met SIGKILL."
            )
            for pid in groepen:
                _signaal(pid, signal.SIGKILL, groep=True)

    # Whatever is left in a group (a pool worker whose parent died, runserver's reloader child)
    # goes too; then reap the adopted orphans so nothing outlives the supervisor.
    for pid in groepen:
        _signaal(pid, signal.SIGKILL, groep=True)
    einde = time.monotonic() + 2
    while time.monotonic() < einde:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.05)
    signal.set_wakeup_fd(-1)
    if stop_sinds is not None and uitkomst == 0:
        duur = f"{time.monotonic() - stop_sinds:.1f}".replace(".", ",")
        _meld(f"gestopt in {duur} s.")
    return uitkomst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--stop-seconden", type=float, default=STOP_SECONDEN)
    args = parser.parse_args(argv)
    return supervise(standaard_processen(args.host, args.port), stop_seconden=args.stop_seconden)


if __name__ == "__main__":
    raise SystemExit(main())
