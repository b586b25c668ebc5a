"""`manage.py check --deploy` with the production settings warns about nothing that no ADR explains
[issue 14; docs/adr/0008-check-deploy-hsts-preload.md]."""

import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Each warning the deploy check may still give, with the ADR that explains it.
UITGELEGD = {"security.W021": "docs/adr/0008-check-deploy-hsts-preload.md"}


def test_check_deploy_geeft_alleen_uitgelegde_waarschuwingen(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "Zq8#x!vP2@mW5$rT9^yB3&nL6*hJ1(dF4)gS7",  # 57 varied characters
        "ALLOWED_HOSTS": "passend.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "CELERY_BROKER_URL": "memory://",
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    uitvoer = proc.stdout + proc.stderr
    gevonden = set(re.findall(r"\((\w+\.[EW]\d+)\)", uitvoer))
    onverklaard = gevonden - set(UITGELEGD)
    assert not onverklaard, f"check --deploy meldt iets zonder ADR: {sorted(onverklaard)}\n{uitvoer[-3000:]}"
    for adr in UITGELEGD.values():
        assert (BASE_DIR / adr).exists(), adr
    assert "SystemCheckError" not in uitvoer, uitvoer[-3000:]
