"""The bezwaar phase of a verwijdering [004 L640-652, L726-811; Awb 6:11, 7:2, 7:3, 7:10; WPO art. 63;
issue 16.12]: a late bezwaar is judged (verschoonbaar or not), the ouders are heard with a hoorverslag
that ouders and directie sign 'voor gezien', the decision follows within four weeks (once deferrable)
in a letter that names the next legal route."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models.brieven import Brief
from cases.services.brieven import brief_html
from cases.termijnen.models.termijnen import Termijn, TermijnStatus
from tests.factories import SchoolbestuurFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models.maatregelen import AfzienVanHoren, BezwaarUitkomst, VerwijderingStatus
from verzuim.services import bezwaar_verwijdering as bsvc
from verzuim.services import verwijdering as vsvc

D = date
pytestmark = pytest.mark.django_db
BESLUIT = D(2026, 1, 29)  # Thu; bezwaartermijn until Thu 12 Mar 2026 [domain §11]
GEHOORD, GETEKEND = D(2026, 3, 10), D(2026, 3, 11)


def _besloten(world, *, denominatie="openbaar", besluit=BESLUIT):
    school = world.school
    school.bestuur = SchoolbestuurFactory(swv=world.swv, denominatie=denominatie)
    school.save()
    d = world.users["directeur"]
    v = vsvc.start_verwijdering(
        leerling=leerling_met_ouder(school=school, voornaam="Lotte"),
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=besluit - timedelta(days=3),
        door=d,
        vandaag=besluit - timedelta(days=3),
    )
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=besluit - timedelta(days=2), verslag="Gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=besluit - timedelta(days=1), verslag="Gehoord.", door=d)
    v = vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=besluit)
    return v, d


def _gehoord(v, d, *, op=GEHOORD, ouders=GETEKEND, directie=GETEKEND):
    return bsvc.hoor_op_bezwaar(
        verwijdering=v,
        gehoord_op=op,
        hoorverslag="Ouders lichtten hun bezwaar toe; moeder wil een tweede kans in een andere groep.",
        gezien_ouders_op=ouders,
        gezien_directie_op=directie,
        door=d,
    )


# --- a late bezwaar --------------------------------------------------------------------------


def test_bezwaar_op_de_laatste_dag_is_op_tijd_en_vraagt_geen_oordeel_004_L776(world):
    """[004 L776-781] The last day of the six weeks is still on time: no verschoonbaarheid asked."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 12), verschoonbaar=False, door=d)
    assert not v.bezwaar_te_laat
    assert v.bezwaar_verschoonbaar is None  # nothing to excuse: the choice is not stored


def test_te_laat_bezwaar_vraagt_of_de_overschrijding_verschoonbaar_is_004_L776(world):
    """[004 L776-781][Awb 6:11] A day after the term: the directeur judges verschoonbaar or not, with
    reasons."""
    v, d = _besloten(world)
    with pytest.raises(ValidationError) as exc:
        bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 13), door=d)
    assert "verschoonbaar" in exc.value.message_dict
    assert "12-03-2026" in exc.value.message_dict["verschoonbaar"][0]
    with pytest.raises(ValidationError) as exc:
        bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 13), verschoonbaar=True, door=d)
    assert "verschoonbaar_reden" in exc.value.message_dict
    v = bsvc.registreer_bezwaar(
        verwijdering=v,
        ontvangen_op=D(2026, 3, 13),
        verschoonbaar=True,
        verschoonbaar_reden="Moeder lag tot 12 maart in het ziekenhuis.",
        door=d,
    )
    assert v.bezwaar_te_laat and v.bezwaar_verschoonbaar is True


def test_bezwaar_niet_in_de_toekomst_en_niet_voor_het_besluit(world):
    """[004 L776] Receipt lies between the decision and today."""
    v, d = _besloten(world)
    with pytest.raises(ValidationError) as exc:
        bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=BESLUIT - timedelta(days=1), door=d)
    assert "vóór het besluit" in exc.value.message_dict["ontvangen_op"][0]
    with pytest.raises(ValidationError) as exc:
        bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=timezone.localdate() + timedelta(days=1), door=d)
    assert "toekomst" in exc.value.message_dict["ontvangen_op"][0]


def test_niet_verschoonbaar_te_laat_alleen_niet_ontvankelijk_awb_6_11(world):
    """[004 L776-781][Awb 6:11, 7:3 a] Not verschoonbaar: hearing may be skipped as kennelijk
    niet-ontvankelijk, and the only possible decision is niet-ontvankelijk."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(
        verwijdering=v,
        ontvangen_op=D(2026, 4, 20),
        verschoonbaar=False,
        verschoonbaar_reden="Geen bijzondere omstandigheden genoemd.",
        door=d,
    )
    v = bsvc.zie_af_van_horen(
        verwijdering=v,
        grond=AfzienVanHoren.KENNELIJK_NIET_ONTVANKELIJK,
        toelichting="Het bezwaar kwam ruim vijf weken te laat binnen.",
        door=d,
    )
    with pytest.raises(ValidationError) as exc:
        bsvc.beslis_op_bezwaar(
            verwijdering=v, uitkomst=BezwaarUitkomst.ONGEGROND, motivering="x", door=d, vandaag=D(2026, 5, 1)
        )
    assert exc.value.message_dict["uitkomst"] == [bsvc.NIET_ONTVANKELIJK_TE_LAAT]
    v = bsvc.beslis_op_bezwaar(
        verwijdering=v,
        uitkomst=BezwaarUitkomst.NIET_ONTVANKELIJK,
        motivering="Het bezwaar is na de termijn ingediend.",
        door=d,
        vandaag=D(2026, 5, 1),
    )
    assert v.status == VerwijderingStatus.BESLOTEN  # the verwijdering stands
    html = brief_html(Brief.objects.get(soort="verwijdering_beslissing_bezwaar"))
    assert "niet verschoonbaar" in html
    assert "niet-ontvankelijk" in html


def test_afzien_wegens_kennelijk_niet_ontvankelijk_alleen_bij_onverschoonbaar_te_laat_awb_7_3(world):
    """[004 L769-772][Awb 7:3 a] An on-time bezwaar is not 'kennelijk niet-ontvankelijk' for lateness."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    with pytest.raises(ValidationError) as exc:
        bsvc.zie_af_van_horen(
            verwijdering=v, grond=AfzienVanHoren.KENNELIJK_NIET_ONTVANKELIJK, toelichting="Te laat.", door=d
        )
    assert "niet kennelijk niet-ontvankelijk" in exc.value.message_dict["grond"][0]
    with pytest.raises(ValidationError) as exc:
        bsvc.zie_af_van_horen(verwijdering=v, grond="z", toelichting="", door=d)
    assert set(exc.value.message_dict) == {"grond", "toelichting"}
    v = bsvc.zie_af_van_horen(
        verwijdering=v,
        grond=AfzienVanHoren.GEEN_GEBRUIK,
        toelichting="Ouders lieten schriftelijk weten.",
        door=d,
    )
    assert v.hoorplicht_bezwaar_vervuld()


# --- hearing and the hoorverslag 'voor gezien' -------------------------------------------------


def test_geen_beslissing_zonder_horen_en_getekend_hoorverslag_004_L726(world):
    """[004 L726-729, L764-766] The decision waits until the ouders were heard and the verslag is signed
    'voor gezien' by ouders and directie; the refusal names what is missing."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    kwargs = dict(uitkomst=BezwaarUitkomst.ONGEGROND, motivering="Veiligheid blijft in het geding.", door=d)
    with pytest.raises(ValidationError, match="nog niet op het bezwaar gehoord"):
        bsvc.beslis_op_bezwaar(verwijdering=v, vandaag=D(2026, 3, 20), **kwargs)
    v = _gehoord(v, d, ouders=None, directie=None)
    with pytest.raises(ValidationError) as exc:
        bsvc.beslis_op_bezwaar(verwijdering=v, vandaag=D(2026, 3, 20), **kwargs)
    assert "ouders hebben het hoorverslag nog niet voor gezien getekend" in str(exc.value)
    assert "directie heeft het hoorverslag nog niet" in str(exc.value)
    v = _gehoord(v, d, directie=None)
    with pytest.raises(ValidationError) as exc:
        bsvc.beslis_op_bezwaar(verwijdering=v, vandaag=D(2026, 3, 20), **kwargs)
    assert "ouders hebben" not in str(exc.value) and "directie heeft" in str(exc.value)
    v = _gehoord(v, d)
    v = bsvc.beslis_op_bezwaar(verwijdering=v, vandaag=D(2026, 3, 20), **kwargs)
    assert v.bezwaar_uitkomst == BezwaarUitkomst.ONGEGROND
    assert v.bezwaar_beslist_op == D(2026, 3, 20)


def test_hoorverslag_datums_kloppen_004_L726(world):
    """[004 L726-729] Heard after receipt; signed on or after the hearing; never in the future."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    with pytest.raises(ValidationError) as exc:
        _gehoord(v, d, op=D(2026, 3, 2))
    assert "gehoord_op" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        _gehoord(v, d, op=D(2026, 3, 10), ouders=D(2026, 3, 9))
    assert set(exc.value.message_dict) == {"gezien_ouders_op"}
    with pytest.raises(ValidationError) as exc:
        _gehoord(v, d, directie=timezone.localdate() + timedelta(days=1))
    assert set(exc.value.message_dict) == {"gezien_directie_op"}
    v = _gehoord(v, d, op=D(2026, 3, 10), ouders=D(2026, 3, 10), directie=D(2026, 3, 10))  # same day: fine
    assert v.hoorverslag_voor_gezien()


# --- the term, the decision and its letter -----------------------------------------------------


@pytest.mark.parametrize(
    "denominatie, ontvangen, einde",
    [
        ("openbaar", D(2026, 3, 3), D(2026, 4, 9)),  # on time: 4 weeks after the bezwaartermijn (12 Mar)
        ("openbaar", D(2026, 3, 20), D(2026, 4, 17)),  # late, verschoonbaar: 4 weeks after receipt
        ("bijzonder", D(2026, 3, 20), D(2026, 4, 17)),  # WPO art. 63: 4 weeks after receipt
    ],
    ids=["openbaar-op-tijd", "openbaar-te-laat", "bijzonder-te-laat"],
)
def test_beslistermijn_vier_weken_na_ontvangst_bij_te_laat_bezwaar_004_L645(
    world, denominatie, ontvangen, einde
):
    """[004 L642-646][WPO art. 63] A late (verschoonbaar) bezwaar: the four weeks run from its receipt,
    also for an openbare school whose bezwaartermijn had already ended."""
    v, d = _besloten(world, denominatie=denominatie)
    bsvc.registreer_bezwaar(
        verwijdering=v, ontvangen_op=ontvangen, verschoonbaar=True, verschoonbaar_reden="Ziekenhuis.", door=d
    )
    termijn = Termijn.objects.get(soort="verwijdering_beslistermijn_bezwaar")
    assert termijn.einde == einde


def test_gegrond_bezwaar_herroept_de_verwijdering_en_rondt_de_termijn_af(world):
    """[004 L645-646][Awb 7:11] Gegrond: the verwijdering is revoked; the decision term is met in time."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    v = _gehoord(v, d)
    v = bsvc.beslis_op_bezwaar(
        verwijdering=v,
        uitkomst=BezwaarUitkomst.GEGROND,
        motivering="De school heeft de mogelijkheden van een andere groep niet onderzocht.",
        door=d,
        vandaag=D(2026, 3, 20),
    )
    assert v.status == VerwijderingStatus.HERROEPEN
    termijn = Termijn.objects.get(soort="verwijdering_beslistermijn_bezwaar")
    assert termijn.status == TermijnStatus.VOLDAAN and termijn.afgerond_op == D(2026, 3, 20)
    html = brief_html(Brief.objects.get(soort="verwijdering_beslissing_bezwaar"))
    assert "herroepen" in html
    with pytest.raises(ValidationError, match="al beslist"):
        bsvc.beslis_op_bezwaar(
            verwijdering=v, uitkomst=BezwaarUitkomst.ONGEGROND, motivering="x", door=d, vandaag=D(2026, 3, 21)
        )


@pytest.mark.parametrize(
    "denominatie, rechtsgang, niet",
    [
        ("openbaar", "rechtbank (afdeling bestuursrecht)", "burgerlijke rechter"),
        ("bijzonder", "burgerlijke rechter", "afdeling bestuursrecht"),
    ],
)
def test_brief_beslissing_op_bezwaar_noemt_de_volgende_rechtsgang_004_L813(
    world, denominatie, rechtsgang, niet
):
    """[004 L752-759, L813-821] The decision is reasoned and names the next legal route: beroep at the
    bestuursrechter within six weeks (openbaar, Awb 6:7, 8:1) or the civiele rechter (bijzonder)."""
    v, d = _besloten(world, denominatie=denominatie)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    v = _gehoord(v, d)
    with pytest.raises(ValidationError) as exc:
        bsvc.beslis_op_bezwaar(verwijdering=v, uitkomst="", motivering=" ", door=d, vandaag=D(2026, 3, 20))
    assert set(exc.value.message_dict) == {"uitkomst", "motivering"}
    bsvc.beslis_op_bezwaar(
        verwijdering=v,
        uitkomst=BezwaarUitkomst.ONGEGROND,
        motivering="De veiligheid van de groep blijft in het geding.",
        door=d,
        vandaag=D(2026, 3, 20),
    )
    html = brief_html(Brief.objects.get(soort="verwijdering_beslissing_bezwaar"))
    assert rechtsgang in html and niet not in html
    assert "De veiligheid van de groep blijft in het geding." in html
    assert "Geschillencommissie passend onderwijs" in html
    if denominatie == "openbaar":
        assert "1 mei 2026" in html  # six weeks after Fri 20 Mar 2026


def test_beslissing_uitstellen_eenmaal_ten_hoogste_zes_weken_awb_7_10(world):
    """[004 L788-793][Awb 7:10 lid 3] Four weeks not enough: the ouders are told before the term ends,
    with the new date; at most six weeks, once."""
    vandaag = timezone.localdate()
    v, d = _besloten(world, besluit=vandaag - timedelta(days=20))
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=vandaag - timedelta(days=2), door=d)
    termijn = Termijn.objects.get(soort="verwijdering_beslistermijn_bezwaar")
    oud = termijn.einde
    with pytest.raises(ValidationError) as exc:
        bsvc.verdaag_beslissing(verwijdering=v, weken=7, reden="Inspectie nog niet gehoord.", door=d)
    assert "weken" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        bsvc.verdaag_beslissing(verwijdering=v, weken=4, reden=" ", door=d)
    assert "reden" in exc.value.message_dict
    bsvc.verdaag_beslissing(
        verwijdering=v, weken=4, reden="De inspecteur kon nog niet worden gehoord.", door=d
    )
    termijn.refresh_from_db()
    assert termijn.einde == oud + timedelta(weeks=4)
    html = brief_html(Brief.objects.get(soort="verwijdering_verdaging"))
    assert "De inspecteur kon nog niet worden gehoord." in html
    assert f"{termijn.einde.day} " in html
    with pytest.raises(ValidationError, match="maar één keer"):
        bsvc.verdaag_beslissing(verwijdering=v, weken=1, reden="Nog eens.", door=d)


def test_uitstel_na_afloop_van_de_termijn_kan_niet(world):
    """[004 L788-793] Deferral must be announced before the term ends."""
    v, d = _besloten(world)
    v = bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    with pytest.raises(ValidationError) as exc:
        bsvc.verdaag_beslissing(verwijdering=v, weken=2, reden="Te laat bedacht.", door=d)
    assert "vóór het einde van de termijn" in str(exc.value)


# --- the page --------------------------------------------------------------------------------


def test_pagina_te_laat_bezwaar_zonder_oordeel_toont_de_fout_en_houdt_de_invoer(world, login):
    """[004 L776-781] On the page: the refusal lands on the field and the typed date is kept."""
    v, d = _besloten(world)
    client = login(d)
    url = reverse("verzuim:verwijdering", kwargs={"pk": v.pk})
    r = client.post(url, {"actie": "bezwaar", "bz-ontvangen_op": "20-03-2026"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "na de bezwaartermijn" in html and "verschoonbaar" in html
    assert 'value="20-03-2026"' in html
    v.refresh_from_db()
    assert v.bezwaar_ontvangen_op is None
    r = client.post(
        url,
        {
            "actie": "bezwaar",
            "bz-ontvangen_op": "20-03-2026",
            "bz-verschoonbaar": "ja",
            "bz-verschoonbaar_reden": "Moeder lag in het ziekenhuis.",
        },
    )
    assert r.status_code == 302
    v.refresh_from_db()
    assert v.bezwaar_verschoonbaar is True
    r = client.get(url)
    html = r.content.decode()
    assert "Behandeling van het bezwaar" in html
    assert "Nog niet mogelijk: de ouders zijn nog niet gehoord" in html


def test_pagina_beslissing_zonder_horen_zegt_waarom(world, login):
    """[004 L764] A refused decision says which condition failed, on the page."""
    v, d = _besloten(world)
    bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    client = login(d)
    url = reverse("verzuim:verwijdering", kwargs={"pk": v.pk})
    r = client.post(url, {"actie": "beslis", "bb-uitkomst": "ongegrond", "bb-motivering": "Blijft staan."})
    assert r.status_code == 200
    assert "nog niet op het bezwaar gehoord" in r.content.decode()
    assert "Blijft staan." in r.content.decode()  # the typed motivering is kept


def test_swv_leest_de_bezwaarfase_zonder_formulieren(world, login):
    """[domain §10] The SWV (secretaresse leerlingenzaken) reads along; only the directeur records."""
    v, d = _besloten(world)
    bsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    _gehoord(v, d)
    r = login(world.users["sll"]).get(reverse("verzuim:verwijdering", kwargs={"pk": v.pk}))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Ouders gehoord op het bezwaar" in html
    assert 'value="beslis"' not in html
