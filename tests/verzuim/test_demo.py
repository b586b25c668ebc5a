"""Demo content of verzuim/ [scenarios 4, 5, 6]: built through the services, idempotent."""

import io
from datetime import date

import pytest

from cases import demo
from verzuim.models import Escalatie, Schorsing, Thuiszitter, TimeOut, Verzuimmelding

D = date


def _bouw():
    """The organisations, users and dossiers of cases, then the verzuim content (as demo_data does)."""
    from cases.demo import inhoud as cases_demo
    from verzuim import demo_inhoud

    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    cases_demo.bouw(wereld, leerlingen=5, stdout=io.StringIO())
    demo_inhoud.bouw(wereld, leerlingen=5, stdout=io.StringIO())


@pytest.mark.django_db
def test_demo_fenna_lotte_milan_idempotent():
    _bouw()
    tellingen = [m.objects.count() for m in (Verzuimmelding, TimeOut, Schorsing, Thuiszitter, Escalatie)]
    _bouw()
    assert [
        m.objects.count() for m in (Verzuimmelding, TimeOut, Schorsing, Thuiszitter, Escalatie)
    ] == tellingen
    fenna = Verzuimmelding.objects.get(leerling__voornaam="Fenna", soort="zestien_uur")
    assert (fenna.plicht_ontstaan_op, fenna.richtdatum) == (D(2026, 3, 4), D(2026, 3, 11))
    assert Verzuimmelding.objects.filter(leerling__voornaam="Fenna", soort="luxe").exists()
    s = Schorsing.objects.get(leerling__voornaam="Lotte")
    # Reported to leerplicht by the school; the inspectie-melding is still an open school task [issue 16.11].
    assert (s.van, s.tot, s.lpa_gemeld_op is not None, s.inspectie_gemeld_op is None) == (
        D(2026, 2, 4),
        D(2026, 2, 6),
        True,
        True,
    )
    from cases.termijnen.models.termijnen import OPEN_STATUSSEN
    from verzuim.services.maatregelmeldingen import termijn_van

    inspectie = s.meldingen.get(ontvanger="inspectie")
    assert not inspectie.is_gemeld
    assert termijn_van(inspectie).status in OPEN_STATUSSEN
    milan = Thuiszitter.objects.get(leerling__voornaam="Milan")
    assert milan.thuis_sinds == D(2025, 11, 3)
    assert milan.beeindigd_op == D(2026, 3, 2)
    assert milan.doorzettingskracht.verslagen.count() == 6
    escalatie = milan.escalaties.get()
    assert escalatie.stappen.filter(stap="melding_db").exists()
    assert escalatie.gesloten_op == D(2026, 3, 2)


@pytest.mark.django_db
def test_demo_vierjarige_verzuim_zonder_meldtermijn_002_L243():
    """[002 L243; issue 16.2] The demo shows a 4-year-old with recorded absence and no melding term."""
    from cases.termijnen.models.termijnen import Termijn
    from verzuim.demo_inhoud import JONG_KIND
    from verzuim.models import VerzuimRegistratie
    from verzuim.termijnen import MELDING_16_UUR

    _bouw()
    regs = VerzuimRegistratie.objects.filter(
        leerling__voornaam=JONG_KIND[0], leerling__achternaam=JONG_KIND[1]
    )
    assert sum(r.uren for r in regs) == 16
    assert not Termijn.objects.filter(soort=MELDING_16_UUR, leerling=regs[0].leerling).exists()


@pytest.mark.django_db
def test_demo_verwijdering_in_bezwaar_issue_16_12():
    """[issue 16.12][004 L726-729, L776-781] The demo shows a late but verschoonbaar bezwaar, the ouders
    heard, and a decision that waits for the directie's 'voor gezien'; idempotent."""
    from verzuim import demo_verwijdering
    from verzuim.models import Verwijdering

    _bouw()
    wereld = demo.bouw_organisaties()
    demo_verwijdering.bouw(wereld, leerlingen=5, stdout=io.StringIO())
    demo_verwijdering.bouw(wereld, leerlingen=5, stdout=io.StringIO())
    v = Verwijdering.objects.get()
    assert v.bezwaar_te_laat and v.bezwaar_verschoonbaar is True
    assert v.bezwaar_gehoord_op and v.hoorverslag_gezien_ouders_op and not v.hoorverslag_gezien_directie_op
    assert not v.hoorplicht_bezwaar_vervuld()
    assert v.beslistermijn_bezwaar.einde >= v.bezwaar_ontvangen_op
    assert all(m.gemeld_op for m in v.meldingen.all())
