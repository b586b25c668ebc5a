"""The zorgplicht letters as PDFs [domain §12]: ontvangstbevestiging with the term, verlenging with
reason and new end date, besluit with bezwaarclausule (openbaar) or the school's own complaint
route (bijzonder), always pointing to the onderwijsconsulenten and the Geschillencommissie."""

import os
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from cases.models import Brief
from cases.models.organisaties import Denominatie
from tests.factories.zorgplicht import aanmelding as maak
from tests.factories.zorgplicht import op
from zorgplicht import services

D = date


def _tekst(brief) -> str:
    brief.refresh_from_db()
    assert brief.is_gerenderd, brief.fout
    pad = brief.pdf.path
    if os.environ.get("ZORGPLICHT_PDF_MAP"):
        shutil.copy(pad, os.path.join(os.environ["ZORGPLICHT_PDF_MAP"], f"{brief.soort}.pdf"))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext ontbreekt")
    return " ".join(
        subprocess.run(["pdftotext", pad, "-"], capture_output=True, text=True, check=True).stdout.split()
    )


@pytest.mark.django_db(transaction=True)
def test_brieven_openbare_school(world):
    door = world.users["directeur"]
    a = maak(world, aanmelding_op=D(2026, 3, 16), geboortedatum=D(2021, 9, 1))
    tekst = _tekst(Brief.objects.get(soort="zorgplicht_ontvangstbevestiging"))
    assert "dinsdag 28 april 2026" in tekst
    assert "Koningsdag" in tekst
    with op(D(2026, 4, 1)):
        services.vraag_informatie(
            aanmelding=a,
            door=door,
            gevraagd_op=D(2026, 4, 1),
            gevraagd_bij="peuterspeelzaal",
            omschrijving="overdrachtsdocument jonge kind",
            toestemming_ouders_op=D(2026, 4, 1),
            antwoord_uiterlijk=D(2026, 4, 1) + timedelta(days=28),
        )
    with op(D(2026, 4, 14)):
        services.registreer_informatie_ontvangen(aanmelding=a, door=door, ontvangen_op=D(2026, 4, 14))
        services.verleng(
            aanmelding=a, door=door, reden="Wij willen eerst de observatie door de CJK afwachten."
        )
    tekst = _tekst(Brief.objects.get(soort="zorgplicht_verlenging"))
    assert "maandag 8 juni 2026" in tekst
    assert "observatie door de CJK" in tekst
    assert "12 dagen" in tekst
    with op(D(2026, 5, 20)):
        services.neem_besluit(
            aanmelding=a,
            door=door,
            uitkomst=7,
            toelichting="Met een overgangsarrangement past het.",
            arrangement="Overgangsarrangement van 6 maanden; herbeoordeling in oktober.",
            sc=world.users["sc"],
        )
    tekst = _tekst(Brief.objects.get(soort="zorgplicht_besluit"))
    assert "bezwaar" in tekst
    assert "Geschillencommissie passend onderwijs" in tekst
    assert "onderwijsconsulenten" in tekst
    assert "1 juli 2026" in tekst  # bezwaartermijn: 6 weeks after Wed 20 May -> Wed 1 Jul


@pytest.mark.django_db(transaction=True)
def test_besluit_bijzondere_school_met_klachtroute(world):
    world.school.bestuur.denominatie = Denominatie.BIJZONDER
    world.school.bestuur.save()
    a = maak(world)
    with op(D(2026, 3, 2)):
        services.neem_besluit(
            aanmelding=a, door=world.users["directeur"], uitkomst=6, toelichting="Wij bieden dit."
        )
    tekst = _tekst(Brief.objects.get(soort="zorgplicht_besluit"))
    assert "klachtenregeling" in tekst
    assert "Geschillencommissie passend onderwijs" in tekst
    assert "bezwaarschrift" not in tekst


@pytest.mark.django_db(transaction=True)
def test_brief_zorgplicht_geldt_niet_school_vol(world):
    """The ouders hear in writing why the zorgplicht does not apply, with the evidence [002 bijlage 2.2.1 stap 2]."""  # noqa: E501
    a = maak(world, onderzoek=False)
    with op(D(2026, 2, 10)):
        services.zorgplicht_geldt_niet(
            aanmelding=a,
            door=world.users["directeur"],
            reden="school_vol",
            onderbouwing="Bestuursbesluit: maximaal 420 leerlingen.",
            capaciteit=420,
            aantal_ingeschreven=420,
            vol_voor_iedereen=True,
        )
    tekst = _tekst(Brief.objects.get(soort="zorgplicht_niet_van_toepassing"))
    assert "voor alle kinderen" in tekst
    assert "420" in tekst
    assert "bezwaar" in tekst
    assert "24 maart 2026" in tekst  # bezwaartermijn: 6 weeks after Tue 10 Feb
