"""The demo: Sem's case per scenario 3, one aanmelding in every state, idempotent."""

import io

from cases import demo
from cases.demo import inhoud as cases_demo
from zorgplicht import demo_inhoud, termijnen
from zorgplicht.models import Aanmelding, Status


def test_demo_is_idempotent_en_dekt_elke_status(db, settings):
    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    cases_demo.bouw(wereld, leerlingen=0, stdout=io.StringIO())
    demo_inhoud.bouw(wereld, leerlingen=0, stdout=io.StringIO())
    aantal = Aanmelding.objects.count()
    demo_inhoud.bouw(wereld, leerlingen=0, stdout=io.StringIO())
    assert Aanmelding.objects.count() == aantal == 10
    statussen = set(Aanmelding.objects.values_list("status", flat=True))
    assert statussen == set(Status.values)
    sem = Aanmelding.objects.get(leerling__voornaam="Sem")
    stand = termijnen.stand(sem, sem.besluit_op)
    assert stand.zes.einde.isoformat() == "2026-05-11"
    assert stand.einde.isoformat() == "2026-06-08"
    from django.utils import timezone

    vandaag = timezone.localdate()
    assert any(termijnen.stand(a, vandaag).plaatsingsplicht for a in Aanmelding.objects.all())
