"""Each completeness rule of a TLV-aanvraag, with its source [002 §1.4, bijlage 3.11.1]."""

from datetime import date

import pytest
from django_fsm import TransitionNotAllowed

from tests.factories.tlv import compleet_dossier, concept, document, leerling_met_ouders, naar, opp, ot
from tlv import services
from tlv.models import Status
from tlv.volledigheid import REGELS, evalueer

pytestmark = pytest.mark.django_db


def _uitkomst(aanvraag, code, peildatum=date(2026, 3, 10)):
    return next(u for u in evalueer(aanvraag, peildatum=peildatum) if u.regel.code == code)


def test_elke_regel_noemt_zijn_bron():
    assert all(r.bron and ("002" in r.bron) for r in REGELS)
    assert len({r.code for r in REGELS}) == len(REGELS)


def test_compleet_dossier_voldoet_aan_alle_regels(world):
    aanvraag = concept(world)
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 3, 10))
    aanvraag.refresh_from_db()
    assert [(u.regel.code, u.toelichting) for u in evalueer(aanvraag) if not u.voldaan] == []


@pytest.mark.parametrize(
    "geval",
    ["zonder_handtekening_ouders", "zonder_zienswijze", "getekend"],
    ids=lambda g: f"[002 §1.4] aanvraagformulier {g}",
)
def test_regel_aanvraagformulier(world, geval):
    velden = {
        "zonder_handtekening_ouders": {"ouders_ondertekend_op": None},
        "zonder_zienswijze": {"zienswijze_ouders": ""},
        "getekend": {},
    }[geval]
    aanvraag = concept(world, **velden)
    if geval == "getekend":
        services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 3, 10))
        aanvraag.refresh_from_db()
    u = _uitkomst(aanvraag, "aanvraagformulier")
    assert u.voldaan is (geval == "getekend")
    if geval == "zonder_handtekening_ouders":
        assert "handtekening van ouders" in u.toelichting


@pytest.mark.parametrize(
    ("opp_datum", "voldaan"),
    [(date(2025, 9, 10), True), (date(2025, 9, 9), False), (date(2026, 3, 1), True)],
    ids=[
        "[002 bijlage 3.11.1] OPP precies een half jaar oud",
        "[002 bijlage 3.11.1] OPP een dag te oud",
        "[002 bijlage 3.11.1] OPP recent",
    ],
)
def test_regel_opp_niet_ouder_dan_half_jaar(world, opp_datum, voldaan):
    leerling = leerling_met_ouders(world)
    opp(leerling, datum=opp_datum)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert _uitkomst(aanvraag, "opp_recent").voldaan is voldaan


def test_regel_geen_opp(world):
    """[002 §1.4] a recent OPP is required (zij-instroom)."""
    aanvraag = concept(world, compleet=False)
    assert not _uitkomst(aanvraag, "opp_recent").voldaan
    assert "geen vastgesteld OPP" in _uitkomst(aanvraag, "opp_recent").toelichting


@pytest.mark.parametrize(
    "akkoord",
    [True, False],
    ids=["[002 §1.5] handelingsdeel getekend", "[002 §1.5] handelingsdeel niet getekend"],
)
def test_regel_handelingsdeel_ondertekend(world, akkoord):
    leerling = leerling_met_ouders(world)
    opp(leerling, akkoord=akkoord)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert _uitkomst(aanvraag, "handelingsdeel").voldaan is akkoord


def test_regel_handelingsdeel_mondeling_telt_niet(world):
    """[002 L742, L1250; issue 16.3] A spoken akkoord is noted but is no signature: the formal check
    names the missing signature; a paper signature without its scan does not count either."""
    from cases.dossier.models.opp import OPPAkkoord

    leerling = leerling_met_ouders(world)
    plan = opp(leerling, akkoord="mondeling")
    aanvraag = concept(world, leerling=leerling, compleet=False)
    uitkomst = _uitkomst(aanvraag, "handelingsdeel")
    assert not uitkomst.voldaan
    assert "mondeling akkoord telt niet" in uitkomst.toelichting
    ouder = leerling.ouders.filter(gezag=True).first()
    OPPAkkoord.objects.create(
        opp=plan, ouder=ouder, datum=plan.datum, wijze="papier", vastgelegd_door=plan.aangemaakt_door
    )
    assert not _uitkomst(aanvraag, "handelingsdeel").voldaan


def test_regel_zienswijze_ouders_in_opp(world):
    """[002 §1.4] 'Recent OPP met handtekening op het handelingsdeel en zienswijze van ouders'."""
    leerling = leerling_met_ouders(world)
    opp(leerling, zienswijze="")
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert not _uitkomst(aanvraag, "zienswijze").voldaan


def test_regel_overdrachtsdocument_bij_onderinstroom_vervangt_opp(world):
    """[002 §1.15, §1.17] onderinstroom: an overdrachtsdocument jonge kind replaces the OPP."""
    leerling = leerling_met_ouders(world, groep=1)
    aanvraag = concept(world, leerling=leerling, compleet=False, soort="onderinstroom")
    codes = {u.regel.code for u in evalueer(aanvraag, peildatum=date(2026, 3, 10))}
    assert "overdrachtsdocument" in codes
    assert "opp_recent" not in codes
    assert "twee_ots" not in codes
    assert not _uitkomst(aanvraag, "overdrachtsdocument").voldaan
    document(leerling, "overdracht")
    assert _uitkomst(aanvraag, "overdrachtsdocument").voldaan


@pytest.mark.parametrize(
    ("sc", "uitgenodigd", "aantal", "voldaan"),
    [(True, True, 2, True), (True, True, 1, False), (False, True, 2, False), (True, False, 2, False)],
    ids=[
        "[002 bijlage 3.11.1] twee OT's met SC",
        "[002 bijlage 3.11.1] maar een OT",
        "[002 bijlage 3.11.1] SC niet aan tafel",
        "[002 bijlage 3.11.1] ouders niet uitgenodigd",
    ],
)
def test_regel_twee_ot_verslagen(world, sc, uitgenodigd, aantal, voldaan):
    leerling = leerling_met_ouders(world)
    for i in range(aantal):
        ot(
            leerling,
            soort="start" if i == 0 else "vervolg",
            datum=date(2026, 1, 12 + i),
            sc=sc,
            ouders_uitgenodigd=uitgenodigd,
        )
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert _uitkomst(aanvraag, "twee_ots").voldaan is voldaan


@pytest.mark.parametrize(
    ("bao_bao", "so_sbo", "voldaan"),
    [
        ("Twee scholen gevraagd.", "So boven sbo.", True),
        ("", "So boven sbo.", False),
        ("Gevraagd.", "", False),
    ],
    ids=[
        "[002 §1.2] vervolg-OT weegt bao-bao en so-sbo",
        "[002 §1.2] bao-bao ontbreekt",
        "[002 §1.2] so-sbo ontbreekt",
    ],
)
def test_regel_vervolg_ot_afwegingen(world, bao_bao, so_sbo, voldaan):
    leerling = leerling_met_ouders(world)
    ot(leerling, soort="vervolg", bao_bao=bao_bao, so_sbo=so_sbo)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert _uitkomst(aanvraag, "vervolg_ot").voldaan is voldaan


def test_regel_lvs_gegevens(world):
    """[002 §1.4; bijlage 3.11.1 'Secretaresse'] relevant LVS-gegevens."""
    leerling = leerling_met_ouders(world)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert not _uitkomst(aanvraag, "lvs").voldaan
    document(leerling, "lvs")
    assert _uitkomst(aanvraag, "lvs").voldaan


@pytest.mark.parametrize(
    ("soort", "onderzoeksdatum", "voldaan"),
    [
        ("onderzoek", date(2024, 3, 10), True),
        ("onderzoek", date(2024, 3, 9), False),
        ("medisch", date(2019, 1, 1), True),
    ],
    ids=[
        "[002 §1.4] onderzoek precies twee jaar",
        "[002 §1.4] onderzoek te oud",
        "[002 §1.4] medisch verslag mag ouder",
    ],
)
def test_regel_onderzoek_niet_ouder_dan_twee_jaar(world, soort, onderzoeksdatum, voldaan):
    leerling = leerling_met_ouders(world)
    document(leerling, soort, datum=onderzoeksdatum, onderzoeksdatum=onderzoeksdatum)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    assert _uitkomst(aanvraag, "onderzoek").voldaan is voldaan


def test_onvolledig_kan_formele_check_niet_passeren_tot_lvs_er_is(world):
    """[002 §1.9] Daan: LVS missing → the SLL cannot approve; requested; arrives; then she can."""
    leerling = leerling_met_ouders(world, groep=6)
    compleet_dossier(leerling, world.users["ib"], lvs=False)
    aanvraag = concept(world, leerling=leerling, compleet=False)
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 1, 6))
    with pytest.raises(TransitionNotAllowed, match="formele onderdelen"):
        services.keur_formeel_goed(aanvraag=aanvraag, door=world.users["sll"])
    document(leerling, "lvs", datum=date(2026, 1, 30))
    services.keur_formeel_goed(aanvraag=aanvraag, door=world.users["sll"])
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INHOUDELIJKE_CHECK


def test_inhoudelijke_check_eist_ook_ot_regels(world):
    """[002 §1.4] the SC's check covers all rules, not only the formal ones."""
    leerling = leerling_met_ouders(world)
    opp(leerling)
    document(leerling, "lvs")
    aanvraag = naar(world, concept(world, leerling=leerling, compleet=False), Status.INHOUDELIJKE_CHECK)
    from tlv.models import SC_VRAGEN

    services.leg_sc_oordeel_vast(
        aanvraag=aanvraag, door=world.users["sc"], oordelen={c: (True, "") for c, _ in SC_VRAGEN}
    )
    with pytest.raises(TransitionNotAllowed, match="compleet volgens alle regels"):
        services.keur_inhoudelijk_goed(aanvraag=aanvraag, door=world.users["sc"])


@pytest.mark.parametrize(
    ("informeer", "indienen", "voldaan"),
    [
        (date(2026, 3, 2), date(2026, 3, 9), True),
        (date(2026, 3, 2), date(2026, 3, 6), False),
        (date(2026, 4, 24), date(2026, 5, 1), False),
        (date(2026, 4, 24), date(2026, 5, 4), True),
    ],
    ids=[
        "[002 §1.13] 5 werkdagen gehad",
        "[002 §1.13] 4 werkdagen is te kort",
        "[002 §1.13] Koningsdag telt niet als werkdag",
        "[002 §1.13] na Koningsdag wel 5 werkdagen",
    ],
)
def test_zonder_toestemming_vijf_werkdagen(world, informeer, indienen, voldaan):
    aanvraag = concept(
        world,
        ouders_ondertekend_op=None,
        zonder_toestemming=True,
        zt_zorgen_gedeeld="OT-verslagen 12-01 en 23-02.",
        zt_intensieve_ondersteuning="HGO-arrangement sinds oktober.",
        zt_andere_school_gemeld="Gesprekken 12-01, 23-02.",
        zt_deskundige_aangekondigd="Brief aan ouders van 02-03.",
        zt_ouders_geinformeerd_op=informeer,
        zt_verzenddatum_gemeld=informeer,
    )
    assert (not aanvraag.zonder_toestemming_gebreken(indienen)) is voldaan


def test_zonder_toestemming_elke_voorwaarde_vastgelegd(world):
    """[002 §1.13] each of the six conditions must be recorded."""
    aanvraag = concept(world, ouders_ondertekend_op=None, zonder_toestemming=True)
    gebreken = aanvraag.zonder_toestemming_gebreken(date(2026, 3, 10))
    assert len(gebreken) == 6
    with pytest.raises(TransitionNotAllowed, match="zes voorwaarden"):
        services.dien_in(aanvraag=aanvraag, door=world.users["directeur"])
