"""No enrolment at an sbo or so school without a TLV of that soort (for so with a
bekostigingscategorie) valid on the enrolment date, on every route [002 L194, L764, L787;
issue 16.1]; the TLV records which SWV issues and pays [002 L215-217]."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Inschrijving
from cases.models.organisaties import SchoolSoort
from cases.services.inschrijving import schrijf_in
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, SchoolFactory
from tests.factories.tlv import concept, leerling_met_ouders
from tests.factories.zorgplicht import aanmelding as maak_aanmelding
from tests.factories.zorgplicht import op
from tlv.models import TLV
from tlv.models.besluit import BekostigingGrond
from tlv.toelating import ontbrekende_tlv
from zorgplicht import services as zp
from zorgplicht.models import Uitkomst

D = date


def _school(world, soort, **kw):
    return SchoolFactory(
        swv=world.swv,
        regio=world.regio,
        gemeente=world.gemeente,
        soort=soort,
        so_cluster=4 if soort == SchoolSoort.SO else None,
        naam=kw.pop("naam", f"{soort.upper()} De Testhaven"),
        **kw,
    )


@pytest.fixture
def sbo(world):
    return _school(world, SchoolSoort.SBO)


@pytest.fixture
def so(world):
    return _school(world, SchoolSoort.SO)


def _tlv(world, leerling, *, schoolsoort="sbo", categorie="", van=date(2026, 4, 1), tot=date(2028, 7, 31)):
    aanvraag = concept(world, leerling=leerling, compleet=False, gevraagde_schoolsoort=schoolsoort)
    return TLV.objects.create(
        aanvraag=aanvraag,
        swv=world.swv,
        leerling=leerling,
        kenmerk=f"TLV-2026-{aanvraag.pk:05d}",
        soort=aanvraag.soort,
        schoolsoort=schoolsoort,
        categorie=categorie,
        periode="4-5",
        ingangsdatum=van,
        einddatum=tot,
        afgegeven_op=D(2026, 3, 20),
    )


# --- the rule, in the one enrolment service -------------------------------------------------------


def test_geen_tlv_geen_sbo_inschrijving(world, sbo):
    """[002 L194] [002 L787] without any TLV the sbo enrolment is refused, in Dutch, at the field."""
    ll = leerling_met_ouders(world)
    with pytest.raises(ValidationError) as exc:
        schrijf_in(leerling=ll, school=sbo, groep=5, van=D(2026, 4, 7))
    tekst = exc.value.message_dict["school"][0]
    assert "TLV sbo" in tekst and "geen TLV" in tekst and "07-04-2026" in tekst
    assert not Inschrijving.objects.filter(leerling=ll, school=sbo).exists()
    ll.refresh_from_db()
    assert ll.huidige_school == world.school


def test_lopende_aanvraag_genoemd(world, sbo):
    """[002 L764] an aanvraag still running is no TLV: the refusal says it is not decided yet."""
    ll = leerling_met_ouders(world)
    concept(world, leerling=ll, compleet=False, gevraagde_schoolsoort="sbo")
    reden = ontbrekende_tlv(leerling=ll, school=sbo, op=D(2026, 4, 7))
    assert "nog niet beslist" in reden and "concept" in reden


def test_sbo_tlv_geldt_niet_voor_so(world, so):
    """[002 L194] 'voor respectievelijk sbo of so': an sbo TLV does not admit to an so school."""
    ll = leerling_met_ouders(world)
    t = _tlv(world, ll, schoolsoort="sbo")
    with pytest.raises(ValidationError) as exc:
        schrijf_in(leerling=ll, school=so, groep=5, van=D(2026, 4, 7))
    tekst = exc.value.message_dict["school"][0]
    assert t.kenmerk in tekst and "TLV so" in tekst


def test_so_tlv_geldt_niet_voor_sbo(world, sbo):
    """[002 L194] and the other way round."""
    ll = leerling_met_ouders(world)
    _tlv(world, ll, schoolsoort="so", categorie="laag")
    assert "TLV sbo" in ontbrekende_tlv(leerling=ll, school=sbo, op=D(2026, 4, 7))


def test_so_tlv_zonder_categorie(world, so):
    """[002 L768] an so TLV carries its bekostigingscategorie; without one it does not admit."""
    ll = leerling_met_ouders(world)
    _tlv(world, ll, schoolsoort="so", categorie="")
    reden = ontbrekende_tlv(leerling=ll, school=so, op=D(2026, 4, 7))
    assert reden is not None and "zonder bekostigingscategorie" in reden


@pytest.mark.parametrize(
    ("datum", "toegelaten"),
    [
        (D(2026, 3, 31), False),  # the day before the ingangsdatum
        (D(2026, 4, 1), True),  # the ingangsdatum itself
        (D(2028, 7, 31), True),  # the einddatum itself
        (D(2028, 8, 1), False),  # the day after
    ],
)
def test_geldig_op_de_inschrijfdatum(world, sbo, datum, toegelaten):
    """[002 L787] [002 §1.16] valid from the ingangsdatum up to and including the einddatum."""
    ll = leerling_met_ouders(world, groep=4)
    Inschrijving.objects.filter(leerling=ll).update(van=D(2024, 8, 19))
    t = _tlv(world, ll, schoolsoort="sbo")
    reden = ontbrekende_tlv(leerling=ll, school=sbo, op=datum)
    if toegelaten:
        assert reden is None
        schrijf_in(leerling=ll, school=sbo, groep=5, van=datum)
        ll.refresh_from_db()
        assert ll.huidige_school == sbo
    else:
        assert t.kenmerk in reden and "01-04-2026 tot en met 31-07-2028" in reden


def test_geldige_so_tlv_met_categorie(world, so):
    """[002 L194] a valid so TLV with its categorie admits to the so school."""
    ll = leerling_met_ouders(world)
    _tlv(world, ll, schoolsoort="so", categorie="midden")
    schrijf_in(leerling=ll, school=so, groep=5, van=D(2026, 4, 7))
    assert Inschrijving.objects.filter(leerling=ll, school=so, tot__isnull=True).exists()


def test_reguliere_school_vraagt_geen_tlv(world):
    """[002 L192] a move to another regular basisschool needs no TLV."""
    ll = leerling_met_ouders(world)
    assert ontbrekende_tlv(leerling=ll, school=world.school2, op=D(2026, 4, 7)) is None
    schrijf_in(leerling=ll, school=world.school2, groep=4, van=D(2026, 4, 7))
    ll.refresh_from_db()
    assert ll.huidige_school == world.school2


# --- which SWV issues and pays [002 L215-217] ---------------------------------------------------


def test_bekostigend_swv_standaard_dat_van_de_aanvraag(world):
    """[002 L215] zij-instroom: the SWV of the referring school issues and pays."""
    ll = leerling_met_ouders(world)
    t = _tlv(world, ll)
    assert t.bekostigend_swv == f"{world.swv.naam} ({world.swv.code})"
    assert t.bekostiging_grond == BekostigingGrond.VERWIJZENDE_SCHOOL


def test_herindicatie_blijft_bij_het_swv_van_herkomst(world):
    """[002 L216] a pupil who comes with a TLV: the SWV the child comes from keeps paying."""
    ll = leerling_met_ouders(world)
    vorige = _tlv(world, ll)
    TLV.objects.filter(pk=vorige.pk).update(bekostigend_swv="SWV Elders (PO 99-99)")
    vorige.refresh_from_db()
    aanvraag = concept(world, leerling=ll, compleet=False, gevraagde_schoolsoort="sbo")
    aanvraag.vorige_tlv = vorige
    t = TLV(
        aanvraag=aanvraag,
        swv=world.swv,
        leerling=ll,
        kenmerk="TLV-2028-00001",
        soort="herindicatie",
        schoolsoort="sbo",
        periode="6-8",
        ingangsdatum=D(2028, 8, 1),
        einddatum=D(2030, 7, 31),
        afgegeven_op=D(2028, 6, 1),
    )
    t.save()
    assert (t.bekostigend_swv, t.bekostiging_grond) == ("SWV Elders (PO 99-99)", BekostigingGrond.HERKOMST)


def test_onderinstroom_swv_van_de_woonplaats(world):
    """[002 L216] first enrolment: the SWV of the woongemeente issues and pays."""
    ll = leerling_met_ouders(world)
    ll.gemeente = world.gemeente
    ll.save()
    aanvraag = concept(world, leerling=ll, compleet=False, gevraagde_schoolsoort="sbo")
    aanvraag.soort = "onderinstroom"
    t = TLV(
        aanvraag=aanvraag,
        swv=world.swv,
        leerling=ll,
        kenmerk="TLV-2026-09999",
        soort="onderinstroom",
        schoolsoort="sbo",
        periode="1-3",
        ingangsdatum=D(2026, 8, 1),
        einddatum=D(2028, 7, 31),
        afgegeven_op=D(2026, 6, 1),
    )
    t.save()
    assert t.bekostiging_grond == BekostigingGrond.WOONPLAATS
    assert world.swv.naam in t.bekostigend_swv


# --- every route refuses, with the message at its field -------------------------------------------


def test_route_dossier_inschrijfformulier(world, login, sbo):
    """[002 L194] the dossier's enrolment form: refused at the school field, input kept."""
    ll = leerling_met_ouders(world)
    client = login(world.users["ib"])
    resp = client.post(
        reverse("inschrijving_nieuw", args=[ll.pk]), {"school": sbo.pk, "groep": "5", "van": "2026-04-07"}
    )
    assert resp.status_code == 200
    form = resp.context["form"]
    assert "geen TLV" in form.errors["school"][0]
    assert form["van"].value() == "2026-04-07" and str(form["school"].value()) == str(sbo.pk)
    ll.refresh_from_db()
    assert ll.huidige_school == world.school


def test_route_dossier_toont_wat_ontbreekt(world, login, sbo):
    """[002 L194] the enrolment page says beforehand why sbo/so is not possible yet."""
    ll = leerling_met_ouders(world)
    concept(world, leerling=ll, compleet=False, gevraagde_schoolsoort="sbo")
    pagina = login(world.users["ib"]).get(reverse("inschrijving_nieuw", args=[ll.pk])).content.decode()
    assert "nog niet beslist" in pagina


# The interventie route (a definitive placement on the so) is tested in the walkthrough of
# tests/cases/test_interventie_views.py::test_lotte_van_aanmelding_tot_evaluatie.


def test_route_zorgplicht_afsluiten_op_sbo(world, login, sbo):
    """[002 L787] closing a zorgplicht aanmelding at an sbo school enrols only with a TLV sbo."""
    directeur = GebruikerFactory(username="directeur_sbo")
    maak_rol(directeur, "directeur", swv=world.swv, school=sbo)
    a = maak_aanmelding(world, school=sbo, door=directeur)
    with op(D(2026, 3, 2)):
        zp.neem_besluit(
            aanmelding=a, door=directeur, uitkomst=Uitkomst.GEPLAATST, toelichting="Wij bieden dit."
        )
        with pytest.raises(ValidationError) as exc:
            zp.sluit_af(aanmelding=a, door=directeur, ingeschreven_op=D(2026, 3, 2), groep=1)
        assert "TLV sbo" in exc.value.message_dict["ingeschreven_op"][0]
        client = login(directeur)
        resp = client.post(
            reverse("zorgplicht:afsluiten", args=[a.pk]), {"ingeschreven_op": "2026-03-02", "groep": "1"}
        )
    assert resp.status_code == 200
    form = resp.context["form"]
    assert "geen TLV" in form.errors["ingeschreven_op"][0]
    assert form["ingeschreven_op"].value() == "2026-03-02"
