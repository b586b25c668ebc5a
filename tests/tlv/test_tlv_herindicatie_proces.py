"""Herindicatie as a process [002 L815-825]: optie 1 on the dossier with a fresh zienswijze when the
OPP was evaluated more than half a year ago (L818), optie 2 with the herindicatiegesprek and its
outcome as the route (L819-822), and a different categorie always to the TLA-commissie (L825)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.dossier.models.opp import OPP
from cases.models import AuditRegel
from cases.models.audit import AuditActie
from cases.workflow import OvergangGeweigerd, weigerredenen
from tests.factories.tlv import concept, leerling_met_ouders, naar
from tlv import services
from tlv.herindicatie import commissie_redenen, dossieroptie_bezwaren, laatste_evaluatie
from tlv.models import TLV, Herindicatiegesprek, Status, TLVAanvraag
from tlv.models.herindicatie import GesprekUitkomst
from tlv.volledigheid import evalueer

pytestmark = pytest.mark.django_db


def _vorige_tlv(world, leerling, *, schoolsoort="so", categorie="laag") -> TLV:
    oud = concept(world, leerling=leerling, compleet=False)
    return TLV.objects.create(
        aanvraag=oud,
        swv=world.swv,
        leerling=leerling,
        kenmerk=f"TLV-TEST-{leerling.pk}",
        soort="zij_instroom",
        schoolsoort=schoolsoort,
        categorie=categorie if schoolsoort == "so" else "",
        periode="4-5",
        ingangsdatum=date(2024, 8, 1),
        einddatum=date(2026, 7, 31),
        afgegeven_op=date(2024, 7, 1),
        bekostigend_swv="SWV Testvallei A (PO 98-01)",
    )


def _herindicatie(world, *, optie, schoolsoort="so", categorie="", vorige=("so", "laag"), **velden):
    leerling = leerling_met_ouders(world)
    if vorige:
        _vorige_tlv(world, leerling, schoolsoort=vorige[0], categorie=vorige[1])
    return concept(
        world,
        leerling=leerling,
        soort="herindicatie",
        herindicatie_optie=optie,
        gevraagde_schoolsoort=schoolsoort,
        gevraagde_categorie=categorie,
        **velden,
    )


def _evaluatie(leerling, datum: date, door) -> OPP:
    """A new OPP version after an evaluation with ouders on `datum`."""
    versie = OPP.objects.filter(leerling=leerling).count() + 1
    plan = OPP.objects.create(
        leerling=leerling,
        versie=versie,
        datum=datum,
        evaluatie="Doelen grotendeels gehaald.",
        zienswijze_ouders="Ouders steunen verlenging.",
        aangemaakt_door=door,
    )
    plan.vaststellen(door=door, op=timezone.now())
    plan.save()
    return plan


def _regel(aanvraag, peildatum):
    return next(u for u in evalueer(aanvraag, peildatum=peildatum) if u.regel.code == "actuele_zienswijze")


def _gesprek(world, aanvraag, uitkomst, *, door=None, **velden):
    standaard = {
        "datum": date(2026, 3, 1),
        "ouders_aanwezig": True,
        "school_aanwezig": True,
        "sc_aanwezig": True,
        "verslag": "Ouders, school en SC gaven elk hun kijk op de verlenging.",
    }
    standaard.update(velden)
    return services.leg_gesprek_vast(
        aanvraag=aanvraag, door=door or world.users["ib"], uitkomst=uitkomst, **standaard
    )


# --- optie 1: the fresh zienswijze [002 L818] -----------------------------------------------------


@pytest.mark.parametrize(
    ("evaluatie", "peildatum", "voldaan"),
    [
        (date(2025, 9, 10), date(2026, 3, 10), True),
        (date(2025, 9, 9), date(2026, 3, 10), False),
        (date(2025, 8, 31), date(2026, 2, 28), True),
        (date(2025, 8, 31), date(2026, 3, 1), False),
        (date(2026, 1, 15), date(2026, 3, 10), True),
    ],
    ids=[
        "[002 L818] precies zes maanden: niet 'langer dan een half jaar'",
        "[002 L818] een dag langer dan zes maanden: actuele zienswijze nodig",
        "[002 L818] 31 augustus + zes maanden = 28 februari: nog binnen",
        "[002 L818] 31 augustus, peildatum 1 maart: erbuiten",
        "[002 L818] recent geëvalueerd",
    ],
)
def test_optie1_actuele_zienswijze_na_een_half_jaar(world, evaluatie, peildatum, voldaan):
    a = _herindicatie(world, optie=1)
    _evaluatie(a.leerling, evaluatie, world.users["ib"])
    u = _regel(a, peildatum)
    assert u.voldaan is voldaan
    if not voldaan:
        assert "meer dan een half jaar" in u.toelichting
        assert f"{evaluatie.day} " in u.toelichting and str(evaluatie.year) in u.toelichting
        assert "actuele zienswijze" in u.toelichting and "[002 L818]" in u.toelichting


def test_optie1_nooit_geevalueerd_vraagt_zienswijze_002_L818(world):
    """[002 L818] only a first OPP version (never evaluated) or no OPP: a fresh zienswijze is
    required too; the message says why."""
    a = _herindicatie(world, optie=1)
    u = _regel(a, date(2026, 3, 10))
    assert not u.voldaan and "nog nooit geëvalueerd" in u.toelichting
    assert laatste_evaluatie(OPP.objects.get(leerling=a.leerling)) is None
    zonder = _herindicatie(world, optie=1, compleet=False)
    u = _regel(zonder, date(2026, 3, 10))
    assert not u.voldaan and "geen vastgesteld OPP" in u.toelichting


def test_optie1_actuele_zienswijze_vastleggen_002_L818(world):
    """[002 L818] the school writes the fresh zienswijze; one older than half a year does not
    count; a future date or an empty text is refused, the SC may not write it."""
    a = _herindicatie(world, optie=1)
    _evaluatie(a.leerling, date(2025, 6, 1), world.users["ib"])
    services.leg_actuele_zienswijze_vast(
        aanvraag=a,
        door=world.users["ib"],
        tekst="Ouders willen dat hun kind op het so blijft.",
        datum=date(2026, 3, 2),
    )
    a.refresh_from_db()
    u = _regel(a, date(2026, 3, 10))
    assert u.voldaan and "actuele zienswijze" in u.toelichting
    assert not _regel(a, date(2026, 9, 3)).voldaan  # the zienswijze itself is then over half a year old
    with pytest.raises(ValidationError) as exc:
        services.leg_actuele_zienswijze_vast(
            aanvraag=a, door=world.users["ib"], tekst=" ", datum=date(2099, 1, 1)
        )
    assert set(exc.value.message_dict) == {"tekst", "datum"}
    with pytest.raises(PermissionDenied):
        services.leg_actuele_zienswijze_vast(
            aanvraag=a, door=world.users["sc"], tekst="x", datum=date(2026, 3, 2)
        )
    optie2 = _herindicatie(world, optie=2)
    with pytest.raises(ValidationError, match="optie 1"):
        services.leg_actuele_zienswijze_vast(
            aanvraag=optie2, door=world.users["ib"], tekst="x", datum=date(2026, 3, 2)
        )


def test_optie1_zonder_zienswijze_niet_formeel_compleet_002_L818(world):
    """[002 L818] the rule is part of the SLL's formal check: without the fresh zienswijze the
    dossier is not formally complete; the recent-OPP rule is replaced by it for optie 1 only."""
    a = _herindicatie(world, optie=1)
    _evaluatie(a.leerling, date(2025, 6, 1), world.users["ib"])
    a = naar(world, a, Status.INGEDIEND)
    codes = {u.regel.code for u in evalueer(a)}
    assert "actuele_zienswijze" in codes and "opp_recent" not in codes
    with pytest.raises(OvergangGeweigerd):
        services.keur_formeel_goed(aanvraag=a, door=world.users["sll"])
    optie2 = _herindicatie(world, optie=2)
    codes = {u.regel.code for u in evalueer(optie2)}
    assert "opp_recent" in codes and "actuele_zienswijze" not in codes


# --- a different categorie or schooltype [002 L820, L825] ----------------------------------------


def test_andere_categorie_nooit_optie1_002_L825(world):
    """[002 L825] another categorie than the current TLV: optie 1 is refused at indienen, with the
    reason; the vorige TLV is linked automatically."""
    a = _herindicatie(world, optie=1, categorie="hoog", vorige=("so", "laag"))
    assert a.vorige_tlv is not None and a.vorige_tlv.categorie == "laag"
    redenen = weigerredenen(a, "indienen", world.users["directeur"])
    assert any("andere categorie" in r and "TLA-commissie" in r for r in redenen)
    with pytest.raises(OvergangGeweigerd):
        services.dien_in(aanvraag=a, door=world.users["directeur"], op=date(2026, 3, 10))
    assert TLVAanvraag.objects.get(pk=a.pk).status == Status.CONCEPT


@pytest.mark.parametrize(
    ("categorie", "vereist"),
    [("hoog", True), ("laag", False), ("", False)],
    ids=[
        "[002 L825] andere categorie: TLA-commissie",
        "[002 L825] zelfde categorie: geen commissie",
        "[002 L825] leeg = categorie blijft gelijk",
    ],
)
def test_andere_categorie_altijd_tla_commissie(world, categorie, vereist):
    a = _herindicatie(world, optie=2, categorie=categorie, vorige=("so", "laag"))
    _gesprek(world, a, GesprekUitkomst.EENS)
    a = TLVAanvraag.objects.get(pk=a.pk)
    assert a.commissie_vereist() is vereist
    if vereist:
        assert "laag → hoog" in " ".join(commissie_redenen(a))


def test_ander_schooltype_vraagt_gesprek_002_L820(world):
    """[002 L820] another schooltype (sbo → so) is wanted: first a herindicatiegesprek, not optie 1."""
    a = _herindicatie(world, optie=1, schoolsoort="so", vorige=("sbo", ""))
    redenen = weigerredenen(a, "indienen", world.users["directeur"])
    assert any("schoolsoort en categorie gelijk blijven" in r for r in redenen)
    assert any("ander schooltype" in b and "sbo → so" in b for b in dossieroptie_bezwaren(a))


# --- optie 2: the herindicatiegesprek and its outcome [002 L820-822] ------------------------------


def test_optie2_zonder_gesprek_niet_indienen_002_L820(world):
    a = _herindicatie(world, optie=2)
    redenen = weigerredenen(a, "indienen", world.users["directeur"])
    assert any("herindicatiegesprek" in r for r in redenen)


def test_optie2_eens_gaat_verder_002_L821(world):
    """[002 L821] overeenstemming: the herindicatie proceeds by the ordinary procedure; the
    unanimous eindadvies goes to the voorzitter, not to the commissie."""
    a = _herindicatie(world, optie=2)
    _gesprek(world, a, GesprekUitkomst.EENS)
    a = naar(world, TLVAanvraag.objects.get(pk=a.pk), Status.BIJ_VOORZITTER)
    assert not a.zonder_toestemming and not a.commissie_vereist()


def test_optie2_ouders_niet_eens_zonder_toestemming_002_L821(world):
    """[002 L821] no agreement with ouders: the aanvraag becomes an 'aanvraag zonder toestemming'
    (the six conditions of §1.13 apply); unticking it is refused at indienen."""
    a = _herindicatie(world, optie=2)
    _gesprek(world, a, GesprekUitkomst.OUDERS_NIET_EENS, ouders_aanwezig=False)
    a = TLVAanvraag.objects.get(pk=a.pk)
    assert a.zonder_toestemming
    redenen = weigerredenen(a, "indienen", world.users["directeur"])
    assert any("§1.13" in r for r in redenen)
    velden = {k: getattr(a, k) for k in services.aanvraag.FORMULIER_VELDEN}
    velden["zonder_toestemming"] = False
    services.wijzig_aanvraag(aanvraag=a, door=world.users["ib"], **velden)
    a = TLVAanvraag.objects.get(pk=a.pk)
    redenen = weigerredenen(a, "indienen", world.users["directeur"])
    assert any("zonder toestemming van ouders' [002 L821" in r for r in redenen)


def test_optie2_school_en_sc_oneens_naar_tla_commissie_002_L822(world):
    """[002 L822, L824] school and SC disagree: even unanimous advice goes to the TLA-vergadering;
    the way to the voorzitter is refused with the reason."""
    a = _herindicatie(world, optie=2)
    _gesprek(world, a, GesprekUitkomst.SCHOOL_SC_ONEENS, door=world.users["sc"])
    a = naar(world, TLVAanvraag.objects.get(pk=a.pk), Status.TLA_VERGADERING)
    # naar() took the unanimous eindadvies through stuur_eindadvies_door: it landed at the commissie.
    assert a.status == Status.TLA_VERGADERING
    assert a.adviezen_unaniem() and a.commissie_vereist()


def test_naar_voorzitter_geweigerd_bij_commissie_002_L824(world):
    a = _herindicatie(world, optie=2)
    _gesprek(world, a, GesprekUitkomst.SCHOOL_SC_ONEENS)
    a = naar(world, TLVAanvraag.objects.get(pk=a.pk), Status.ADVIEZEN)
    for t in a.actieve_toewijzingen():
        services.sla_advies_op(
            aanvraag=a,
            door=t.deskundige,
            strekking="so",
            categorie="laag",
            motivering="Kleine groep.",
            indienen=True,
        )
    a = TLVAanvraag.objects.get(pk=a.pk)
    eerste = a.toewijzing(1).deskundige
    services.schrijf_eindadvies(
        aanvraag=a,
        door=eerste,
        besluit="afgeven",
        gemotiveerd_besluit="Een kleine groep met nabijheid blijft nodig.",
        doelen="Zelfstandig werken.",
        schoolsoort="so",
        periode="4-5",
        categorie="laag",
    )
    a = TLVAanvraag.objects.get(pk=a.pk)
    redenen = weigerredenen(a, "naar_voorzitter", eerste)
    assert any("TLA-commissie" in r and "L822-825" in r for r in redenen)
    assert weigerredenen(a, "naar_tla_vergadering", eerste) == []


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"datum": date(2099, 1, 1)}, "datum"),
        ({"verslag": "  "}, "verslag"),
        ({"sc_aanwezig": False}, "sc_aanwezig"),
        ({"ouders_aanwezig": False}, "ouders_aanwezig"),
    ],
    ids=[
        "[002 L821] gesprek in de toekomst",
        "[002 L820] zonder verslag",
        "[002 L820] zonder SC",
        "[002 L821] overeenstemming zonder ouders aan tafel",
    ],
)
def test_gesprek_geweigerd_met_reden(world, velden, veld):
    a = _herindicatie(world, optie=2)
    with pytest.raises(ValidationError) as exc:
        _gesprek(world, a, GesprekUitkomst.EENS, **velden)
    assert veld in exc.value.message_dict
    assert not Herindicatiegesprek.objects.filter(aanvraag=a).exists()


def test_gesprek_alleen_school_of_sc_en_alleen_concept_002_L821(world):
    a = _herindicatie(world, optie=2)
    with pytest.raises(PermissionDenied):
        _gesprek(world, a, GesprekUitkomst.EENS, door=world.users["sll"])
    with pytest.raises(PermissionDenied):
        _gesprek(world, a, GesprekUitkomst.EENS, door=world.ib_a2)
    zij = concept(world)
    with pytest.raises(ValidationError, match="optie 2"):
        _gesprek(world, zij, GesprekUitkomst.EENS)
    _gesprek(world, a, GesprekUitkomst.EENS)
    a = naar(world, TLVAanvraag.objects.get(pk=a.pk), Status.INGEDIEND)
    with pytest.raises(ValidationError, match="concept"):
        _gesprek(world, a, GesprekUitkomst.EENS)


def test_laatste_gesprek_telt_002_L821(world):
    a = _herindicatie(world, optie=2)
    _gesprek(world, a, GesprekUitkomst.SCHOOL_SC_ONEENS, datum=date(2026, 2, 1))
    _gesprek(world, a, GesprekUitkomst.EENS, datum=date(2026, 3, 1))
    assert not TLVAanvraag.objects.get(pk=a.pk).commissie_vereist()


# --- the page ---------------------------------------------------------------------------------------


def test_paneel_toont_route_en_reden_002_L822(world, client):
    """[002 L822, L825] the detail page shows option, gesprek, outcome and why the TLA-commissie;
    the read is audited."""
    a = _herindicatie(world, optie=2, categorie="hoog")
    _gesprek(world, a, GesprekUitkomst.SCHOOL_SC_ONEENS)
    client.force_login(world.users["sc"])
    voor = AuditRegel.objects.filter(actie=AuditActie.BEKEKEN).count()
    html = client.get(reverse("tlv:detail", args=[a.pk])).content.decode()
    assert "Herindicatie [002 §1.21]" in html
    assert "optie 2" in html and "TLA-commissie" in html
    assert "school en SC niet tot" in html and "laag → hoog" in html
    assert "Herindicatiegesprek vastleggen" in html
    assert AuditRegel.objects.filter(actie=AuditActie.BEKEKEN).count() == voor + 1


def test_gesprek_formulier_fout_houdt_invoer_002_L820(world, client):
    """Bad input: a Dutch message, nothing typed lost (400), never a 500; valid input is stored."""
    a = _herindicatie(world, optie=2)
    client.force_login(world.users["ib"])
    url = reverse("tlv:stap", args=[a.pk, "herindicatiegesprek"])
    data = {
        "datum": "2026-03-01",
        "ouders_aanwezig": "on",
        "school_aanwezig": "on",
        "uitkomst": "eens",
        "verslag": "Ieders perspectief besproken: een uniek zinnetje.",
    }
    resp = client.post(url, data)
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "beide moeten aanwezig zijn" in html and "een uniek zinnetje" in html
    data["sc_aanwezig"] = "on"
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert Herindicatiegesprek.objects.get(aanvraag=a).uitkomst == GesprekUitkomst.EENS
    resp = client.post(url, {"datum": "gisteren"})
    assert resp.status_code == 400
