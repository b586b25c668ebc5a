"""Demo content of verzuim/ [scenarios 4, 5, 6]: built through the services, idempotent."""

from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings

from verzuim.models import Escalatie, Schorsing, Thuiszitter, TimeOut, Verzuimmelding

D = date


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_fenna_lotte_milan_idempotent():
    call_command("demo_data", leerlingen=5)
    tellingen = [m.objects.count() for m in (Verzuimmelding, TimeOut, Schorsing, Thuiszitter, Escalatie)]
    call_command("demo_data", leerlingen=5)
    assert [
        m.objects.count() for m in (Verzuimmelding, TimeOut, Schorsing, Thuiszitter, Escalatie)
    ] == tellingen
    fenna = Verzuimmelding.objects.get(leerling__voornaam="Fenna", soort="zestien_uur")
    assert (fenna.plicht_ontstaan_op, fenna.richtdatum) == (D(2026, 3, 4), D(2026, 3, 11))
    assert Verzuimmelding.objects.filter(leerling__voornaam="Fenna", soort="luxe").exists()
    s = Schorsing.objects.get(leerling__voornaam="Lotte")
    assert (s.van, s.tot, s.lpa_gemeld_op is not None, s.inspectie_gemeld_op is not None) == (
        D(2026, 2, 4),
        D(2026, 2, 6),
        True,
        True,
    )
    milan = Thuiszitter.objects.get(leerling__voornaam="Milan")
    assert milan.thuis_sinds == D(2025, 11, 3) and milan.beeindigd_op == D(2026, 3, 2)
    assert milan.doorzettingskracht.verslagen.count() == 6
    assert milan.escalaties.get().stappen.filter(stap="melding_db").exists()
