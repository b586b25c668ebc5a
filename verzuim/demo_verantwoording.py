"""Demo: the yearly verantwoording of the demo schoolbesturen [issue 16.13; 002 L396].

Relative to today, so the demo tells the same story on any day: the verantwoording over the last
year that was asked in November; most besturen delivered, one delivered something ondeugdelijk
(escalation open), the rest is still running or — once past the last day — escalated by the sweep.
The year before: all delivered, one late (its escalation is there too). Idempotent."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from verzuim.models import Verantwoording
from verzuim.services import verantwoording as svc


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    vandaag = timezone.localdate()
    jaar = vandaag.year - 1 if vandaag.month >= 11 else vandaag.year - 2
    if Verantwoording.objects.filter(swv=wereld.swv, jaar=jaar).exists():
        return
    sll = wereld.gebruikers.get("sll")
    besturen = sorted(wereld.besturen, key=lambda b: b.naam)
    if not besturen or sll is None:
        return
    # The year before: asked, all in; the second bestuur late.
    vorig = svc.vraag_verantwoording(swv=wereld.swv, jaar=jaar - 1, gevraagd_op=date(jaar, 11, 1))
    for i, v in enumerate(vorig):
        op = v.uiterlijk + timedelta(days=9) if i == 1 else v.uiterlijk - timedelta(days=3)
        svc.leg_aanlevering_vast(
            verantwoording=v, aangeleverd_op=op, beoordeling="deugdelijk", door=sll, vandaag=op
        )
    gevraagd = date(jaar + 1, 11, 1)
    dit = {v.bestuur_id: v for v in svc.vraag_verantwoording(swv=wereld.swv, jaar=jaar, gevraagd_op=gevraagd)}
    for i, b in enumerate(besturen):
        v = dit[b.pk]
        op = min(vandaag, gevraagd + timedelta(days=14 + i))
        if i % 4 == 0:
            svc.leg_aanlevering_vast(
                verantwoording=v, aangeleverd_op=op, beoordeling="deugdelijk", door=sll, vandaag=vandaag
            )
        elif i == 1:
            svc.leg_aanlevering_vast(
                verantwoording=v,
                aangeleverd_op=op,
                beoordeling="ondeugdelijk",
                door=sll,
                vandaag=vandaag,
                toelichting="De besteding van de ondersteuningsmiddelen per school ontbreekt.",
            )
    svc.signaleer_verantwoordingen(peildatum=vandaag)
    stdout.write(
        f"  verzuim: verantwoording schoolbesturen over {jaar - 1} en {jaar} "
        "(één ondeugdelijk, één te laat: escalaties)"
    )
