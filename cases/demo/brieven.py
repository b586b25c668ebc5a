"""Demo: the letters of the demo as an office would have them [issue 17 'Letters reach ouders'].

The demo's decisions lie months back, so their letters were posted long ago: each is recorded as
sent by post on the date it carries (the day it was made). The newest letter of the SWV and the
newest of a school stay unsent, so "Brieven versturen" has work once the worker made their PDFs.
Runs last (cases/management/commands/demo_data.py DEMO_APPS). Idempotent."""

from __future__ import annotations

from django.utils import timezone

from cases.models.brieven import Brief, VerzendWijze


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    open_ = Brief.objects.filter(swv=wereld.swv, aan_ouders=True, verzonden_op__isnull=True)
    if not open_.exists() or Brief.objects.filter(swv=wereld.swv, verzonden_wijze=VerzendWijze.POST).exists():
        return
    houd_open = set()
    for ja in (True, False):
        nieuwste = open_.van_swv(ja).order_by("-pk").first()
        if nieuwste is not None:
            houd_open.add(nieuwste.pk)
    nu = timezone.now()
    aantal = 0
    for brief in open_.exclude(pk__in=houd_open):
        Brief.objects.filter(pk=brief.pk).update(
            verzonden_op=nu,
            verzonden_wijze=VerzendWijze.POST,
            bekendgemaakt_op=timezone.localtime(brief.aangemaakt_op).date(),
        )
        aantal += 1
    stdout.write(f"Brieven: {aantal} verzonden per post; {len(houd_open)} liggen klaar om te versturen.")
