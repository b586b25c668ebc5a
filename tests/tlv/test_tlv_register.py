"""The TLV register of the SWV [issue 16.8]: every TLV issued with soort, categorie, ingangs- and
einddatum, school of plaatsing, kenmerk and the paying SWV [002 L215-217]; filterable, exportable
(CSV/XLSX) for the bekostiging, and a per-TLV blad for the receiving school."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Inschrijving
from cases.models.audit import AuditActie, AuditRegel
from cases.models.organisaties import SchoolSoort
from cases.services.inschrijving import schrijf_in, schrijf_uit
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, SchoolFactory
from tests.factories.tlv import afgegeven_tlv, leerling_met_ouders
from tests.factories.tweede_swv import tweede_swv
from tlv import register as reg
from tlv.models.besluit import BekostigingGrond

D = date
URL = "tlv:register"


def _school(world, soort, naam, regio=None):
    return SchoolFactory(
        swv=world.swv,
        regio=regio or world.regio,
        gemeente=world.gemeente,
        soort=soort,
        so_cluster=4 if soort == SchoolSoort.SO else None,
        naam=naam,
    )


@pytest.fixture
def sbo(world):
    return _school(world, SchoolSoort.SBO, "SBO De Testhaven")


@pytest.fixture
def so(world):
    return _school(world, SchoolSoort.SO, "SO De Testvuurtoren")


def _ll(world, voornaam, achternaam, **kw):
    return leerling_met_ouders(world, voornaam=voornaam, achternaam=achternaam, **kw)


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse(URL), params)


def _kenmerken(resp) -> list[str]:
    return [t.kenmerk for t in resp.context["pagina"].object_list]


# --- the school of plaatsing ------------------------------------------------------------------


def test_school_van_plaatsing_afgeleid_uit_de_inschrijving(world, sbo, so):
    """[issue 16.8] The placement is the enrolment at a school of the TLV's soort within its looptijd:
    an enrolment that began before the ingangsdatum and still runs counts (a herindicatie); the
    regular school, an so school for a TLV sbo and an enrolment that ended before the ingangsdatum
    do not; a later school replaces an earlier one (the current one)."""
    ll = _ll(world, "Pim", "Plaatsing")
    t = afgegeven_tlv(world, leerling=ll, van=D(2026, 8, 1), tot=D(2028, 7, 31))
    assert reg.plaatsing_van(t) is None  # at the bao school: not placed
    schrijf_in(leerling=ll, school=sbo, groep=5, van=D(2026, 8, 24))
    p = reg.plaatsing_van(t)
    assert (p.school, p.van) == (sbo, D(2026, 8, 24))
    # Another pupil: enrolled at the sbo since before the ingangsdatum (previous TLV), still there.
    ll2 = _ll(world, "Herma", "Herindicatie")
    oud = afgegeven_tlv(world, leerling=ll2, van=D(2024, 8, 1), tot=D(2026, 7, 31))
    schrijf_in(leerling=ll2, school=sbo, groep=5, van=D(2024, 9, 2))
    nieuw = afgegeven_tlv(world, leerling=ll2, van=D(2026, 8, 1), tot=D(2028, 7, 31))
    assert reg.plaatsing_van(nieuw).school == sbo and reg.plaatsing_van(oud).school == sbo
    # A TLV so: the sbo enrolment is not its placement.
    so_tlv = afgegeven_tlv(world, leerling=ll2, schoolsoort="so", categorie="laag", van=D(2026, 8, 1))
    assert reg.plaatsing_van(so_tlv) is None
    # An enrolment that ended the day before the ingangsdatum is not a placement.
    ll3 = _ll(world, "Eva", "Eerder")
    afgegeven_tlv(world, leerling=ll3, van=D(2024, 8, 1), tot=D(2025, 7, 31))
    schrijf_in(leerling=ll3, school=sbo, groep=5, van=D(2024, 8, 26))
    schrijf_uit(leerling=ll3, tot=D(2025, 7, 31))
    later = afgegeven_tlv(world, leerling=ll3, van=D(2025, 8, 1), tot=D(2026, 7, 31))
    assert reg.plaatsing_van(later) is None
    # Moved from one sbo to another within the looptijd: the current school.
    tweede = _school(world, SchoolSoort.SBO, "SBO Het Testanker")
    schrijf_in(leerling=ll, school=tweede, groep=6, van=D(2027, 8, 23))
    assert reg.plaatsing_van(t).school == tweede


# --- the list ---------------------------------------------------------------------------------


def test_register_toont_tlv_met_plaatsing_kenmerk_en_bekostigend_swv(world, sbo, client):
    """[issue 16.8] [002 L215-217] Each TLV with its kenmerk, soort, dates, the school of plaatsing
    (or "nog niet geplaatst") and the SWV that pays."""
    geplaatst = _ll(world, "Gijs", "Geplaatst")
    t1 = afgegeven_tlv(world, leerling=geplaatst)
    schrijf_in(leerling=geplaatst, school=sbo, groep=5, van=D(2026, 8, 24))
    t2 = afgegeven_tlv(world, leerling=_ll(world, "Nina", "Nogniet"), schoolsoort="so", categorie="hoog")
    resp = _get(client, world.users["sll"])
    assert resp.status_code == 200
    html = resp.content.decode()
    assert t1.kenmerk in html and t2.kenmerk in html
    assert "Gijs Geplaatst" in html and "SBO De Testhaven" in html and "vanaf 24-08-2026" in html
    assert "nog niet geplaatst" in html
    assert t1.bekostigend_swv == "SWV Testvallei A (PO 98-01)"  # [002 L215] the referring school's SWV
    assert t1.bekostiging_grond == BekostigingGrond.VERWIJZENDE_SCHOOL
    assert "SWV Testvallei A (PO 98-01)" in html
    assert 'class="tabel-rol" tabindex="0"' in html
    assert reverse("tlv:blad", args=[t1.pk]) in html
    assert "01-08-2026" in html and "31-07-2028" in html


@pytest.fixture
def register(world, sbo, so):
    """Five TLVs of SWV A spread over every filter."""
    t = {}
    t["sbo"] = afgegeven_tlv(
        world,
        leerling=_ll(world, "Saar", "Sbo"),
        van=D(2026, 8, 1),
        tot=D(2028, 7, 31),
        afgegeven_op=D(2026, 6, 1),
    )
    schrijf_in(leerling=t["sbo"].leerling, school=sbo, groep=5, van=D(2026, 8, 24))
    t["laag"] = afgegeven_tlv(
        world,
        leerling=_ll(world, "Lars", "Laag"),
        schoolsoort="so",
        categorie="laag",
        van=D(2025, 8, 1),
        tot=D(2026, 7, 31),
        afgegeven_op=D(2025, 7, 31),
    )
    t["hoog"] = afgegeven_tlv(
        world,
        leerling=_ll(world, "Hanna", "Hoog", school=world.school2),
        schoolsoort="so",
        categorie="hoog",
        van=D(2026, 8, 1),
        tot=D(2027, 7, 31),
        afgegeven_op=D(2025, 8, 1),
        bekostigend_swv="SWV Elders PO (PO 98-77)",
        bekostiging_grond=BekostigingGrond.HERKOMST,
    )
    schrijf_in(leerling=t["hoog"].leerling, school=so, groep=6, van=D(2026, 8, 24))
    t["midden"] = afgegeven_tlv(
        world,
        leerling=_ll(world, "Mila", "Midden"),
        schoolsoort="so",
        categorie="midden",
        van=D(2026, 1, 5),
        tot=D(2026, 7, 31),
        afgegeven_op=D(2025, 12, 1),
    )
    t["oud"] = afgegeven_tlv(
        world,
        leerling=_ll(world, "Otto", "Oud"),
        van=D(2023, 8, 1),
        tot=D(2025, 7, 31),
        afgegeven_op=D(2023, 6, 1),
    )
    return t


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({}, {"sbo", "laag", "hoog", "midden", "oud"}),
        ({"soort": "sbo"}, {"sbo", "oud"}),
        ({"soort": "so"}, {"laag", "hoog", "midden"}),
        ({"categorie": "laag"}, {"laag"}),
        ({"categorie": "hoog"}, {"hoog"}),
        ({"soort": "so", "categorie": "midden"}, {"midden"}),
        # Geldig op: ingangsdatum ≤ peildatum ≤ einddatum, both ends inclusive [002 §1.16].
        ({"peildatum": "2026-08-01"}, {"sbo", "hoog"}),  # the ingangsdatum itself
        ({"peildatum": "2026-07-31"}, {"laag", "midden"}),  # the einddatum itself
        ({"peildatum": "2026-01-04"}, {"laag"}),  # the day before Mila's ingangsdatum
        ({"peildatum": "2025-08-01"}, {"laag"}),  # Otto's einddatum was the day before
        ({"peildatum": "2025-07-31"}, {"oud"}),
        # Afgegeven in a school year: 1 August up to and including 31 July.
        ({"schooljaar": "2025"}, {"hoog", "midden", "sbo"}),
        ({"schooljaar": "2024"}, {"laag"}),
        ({"van": "2025-07-31", "tot": "2025-08-01"}, {"laag", "hoog"}),
        ({"van": "2025-12-01"}, {"midden", "sbo"}),
        ({"tot": "2023-06-01"}, {"oud"}),
        ({"bekostigend": "SWV Elders PO (PO 98-77)"}, {"hoog"}),
        ({"bekostigend": "SWV Testvallei A (PO 98-01)"}, {"sbo", "laag", "midden", "oud"}),
        ({"school": "geen"}, {"laag", "midden", "oud"}),
        ({"zoek": "hanna"}, {"hoog"}),
        ({"zoek": "MIDDEN mila"}, {"midden"}),
    ],
)
def test_filters(world, register, client, params, verwacht):
    """[issue 16.8] Each filter, with the edges of the dates inclusive."""
    resp = _get(client, world.users["sll"], **params)
    assert resp.status_code == 200
    assert set(_kenmerken(resp)) == {register[k].kenmerk for k in verwacht}
    assert not list(resp.context["messages"])


def test_filters_school_regio_en_kenmerk(world, register, sbo, so, client):
    """[issue 16.8] The school of plaatsing (derived), the regio of the aanvraag and the kenmerk."""
    sll = world.users["sll"]
    assert _kenmerken(_get(client, sll, school=sbo.pk)) == [register["sbo"].kenmerk]
    assert _kenmerken(_get(client, sll, school=so.pk)) == [register["hoog"].kenmerk]
    assert _kenmerken(_get(client, sll, regio=world.regio2.pk)) == [register["hoog"].kenmerk]
    assert _kenmerken(_get(client, sll, zoek=register["oud"].kenmerk.lower())) == [register["oud"].kenmerk]


@pytest.mark.parametrize(
    ("params", "tekst"),
    [
        ({"peildatum": "31-12-2026"}, "geen geldige datum"),
        ({"soort": "vso"}, "De soort in de link is onbekend"),
        ({"categorie": "extra"}, "De categorie in de link is onbekend"),
        ({"schooljaar": "abc"}, "Het schooljaar in de link is onbekend"),
        ({"school": "999999"}, "De school van plaatsing in de link is onbekend"),
        ({"bekostigend": "SWV Nergens"}, "bekostigende samenwerkingsverband in de link is onbekend"),
        ({"van": "2026-02-01", "tot": "2026-01-01"}, "begint na haar einde"),
        ({"zoek": "a" * 101}, "langer dan 100 tekens"),
        ({"zoek": "Saar\x07"}, "onzichtbare tekens"),  # a NUL: the middleware answers 400
    ],
)
def test_onbruikbare_filter_wordt_genoemd_en_niet_toegepast(world, register, client, params, tekst):
    """[issue 13] [issue 16.8] A value the page cannot use is named in Dutch and not applied; an export
    with it is a 400 with the reason, never a 500."""
    resp = _get(client, world.users["sll"], **params)
    assert resp.status_code == 200
    assert any(tekst in str(m) for m in resp.context["messages"]), list(resp.context["messages"])
    assert len(_kenmerken(resp)) == 5
    export = client.get(reverse(URL), {**params, "formaat": "csv"})
    assert export.status_code == 400
    assert tekst in export.content.decode()


def test_totalen_per_soort_categorie_en_bekostigend_swv(world, register, client):
    """[issue 16.8] [002 L215-217] Totals of the filtered set above the table, for the bekostiging."""
    resp = _get(client, world.users["sll"])
    t = resp.context["telling"]
    assert [(r.label, r.aantal) for r in t["per_soort"]] == [
        ("sbo", 2),
        ("so, laag (categorie 1)", 1),
        ("so, midden (categorie 2)", 1),
        ("so, hoog (categorie 3)", 1),
    ]
    assert t["totaal"] == 5
    assert [(r.label, r.aantal) for r in t["per_swv"]] == [
        ("SWV Elders PO (PO 98-77)", 1),
        ("SWV Testvallei A (PO 98-01)", 4),
    ]
    op_peildatum = _get(client, world.users["sll"], peildatum="2026-08-01").context["telling"]
    assert [r.aantal for r in op_peildatum["per_soort"]] == [1, 0, 0, 1] and op_peildatum["totaal"] == 2
    assert "Totalen voor de bekostiging" in resp.content.decode()


def test_paginering_houdt_de_filters_vast(world, client):
    """[issue 16.8] 25 per page; the next page keeps the filters."""
    for i in range(27):
        afgegeven_tlv(world, leerling=_ll(world, f"Kind{i}", "Pagina"))
    resp = _get(client, world.users["sll"], soort="sbo")
    assert len(_kenmerken(resp)) == 25
    assert "?soort=sbo&amp;pagina=2" in resp.content.decode()
    assert len(_kenmerken(_get(client, world.users["sll"], soort="sbo", pagina=2))) == 2


# --- exports ----------------------------------------------------------------------------------


def test_csv_export_met_nederlandse_koppen_en_datums(world, register, client):
    """[issue 16.8] The filtered set as CSV: Dutch headers, dates dd-mm-jjjj, audited."""
    client.force_login(world.users["sll"])
    resp = client.get(reverse(URL), {"soort": "so", "formaat": "csv"})
    assert resp.status_code == 200
    assert resp["Content-Disposition"].startswith('attachment; filename="tlv-register-')
    tekst = resp.content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0][:4] == ["Kenmerk (beschikkingsnummer)", "Leerling", "Geboortedatum", "Soort"]
    assert "School van plaatsing" in rijen[0] and "Bekostigend SWV" in rijen[0]
    per_kenmerk = {r[0]: dict(zip(rijen[0], r, strict=True)) for r in rijen[1:]}
    assert set(per_kenmerk) == {register[k].kenmerk for k in ("laag", "hoog", "midden")}
    hoog = per_kenmerk[register["hoog"].kenmerk]
    assert hoog["Leerling"] == "Hanna Hoog"
    assert hoog["Ingangsdatum"] == "01-08-2026" and hoog["Einddatum"] == "31-07-2027"
    assert hoog["Bekostigingscategorie"] == "hoog (categorie 3)"
    assert hoog["School van plaatsing"] == "SO De Testvuurtoren" and hoog["Geplaatst vanaf"] == "24-08-2026"
    assert hoog["Bekostigend SWV"] == "SWV Elders PO (PO 98-77)"
    assert "[002 L216]" in hoog["Grond bekostiging"]
    assert per_kenmerk[register["laag"].kenmerk]["School van plaatsing"] == "nog niet geplaatst"
    regel = AuditRegel.objects.get(actie=AuditActie.GEDOWNLOAD)
    assert (regel.gebruiker, regel.swv) == (world.users["sll"], world.swv)
    assert "TLV-register csv" in regel.omschrijving
    assert not AuditRegel.objects.filter(actie=AuditActie.LIJST_BEKEKEN).exists()


def test_xlsx_export_cellen_en_totalen(world, register, client):
    """[issue 16.8] The XLSX: the same rows as real dates shown dd-mm-jjjj, and a sheet of totals."""
    from openpyxl import load_workbook

    client.force_login(world.users["bestuurder"])
    resp = client.get(reverse(URL), {"peildatum": "2026-08-01", "formaat": "xlsx"})
    assert resp.status_code == 200
    boek = load_workbook(io.BytesIO(resp.content))
    blad = boek["TLV-register"]
    koppen = [c.value for c in blad[1]]
    assert koppen[0] == "Kenmerk (beschikkingsnummer)" and "Stand op peildatum" in koppen
    rijen = {r[0]: dict(zip(koppen, r, strict=True)) for r in blad.iter_rows(min_row=2, values_only=True)}
    assert set(rijen) == {register["sbo"].kenmerk, register["hoog"].kenmerk}
    sbo = rijen[register["sbo"].kenmerk]
    assert sbo["Ingangsdatum"].date() == D(2026, 8, 1) and sbo["Einddatum"].date() == D(2028, 7, 31)
    assert sbo["Stand op peildatum"] == "geldig" and sbo["School van plaatsing"] == "SBO De Testhaven"
    kolom = koppen.index("Ingangsdatum") + 1
    assert blad.cell(row=2, column=kolom).number_format == "DD-MM-YYYY"
    totalen = [r for r in boek["Totalen"].iter_rows(values_only=True)]
    assert ("sbo", 1) in totalen and ("so, hoog (categorie 3)", 1) in totalen and ("Totaal", 2) in totalen
    assert AuditRegel.objects.filter(actie=AuditActie.GEDOWNLOAD, swv=world.swv).count() == 1


def test_export_cel_die_met_een_formule_begint_wordt_tekst(world, client):
    """[issue 14] A name that Excel would read as a formula gets an apostrophe in the export."""
    afgegeven_tlv(world, leerling=_ll(world, "=HYPERLINK(1)", "Test"))
    client.force_login(world.users["sll"])
    tekst = client.get(reverse(URL), {"formaat": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1) Test" in tekst


# --- the blad ---------------------------------------------------------------------------------


def test_blad_met_wat_de_ontvangende_school_nodig_heeft(world, register, so, client):
    """[issue 16.8] [002 L215-217] Leerling, kenmerk, soort and categorie, looptijd, afgevend SWV with
    its code, bekostigend SWV with its grond, school of plaatsing with BRIN, datum afgifte and the
    decision; printable; the read is audited."""
    t = register["hoog"]
    client.force_login(world.users["sll"])
    resp = client.get(reverse("tlv:blad", args=[t.pk]))
    assert resp.status_code == 200
    html = resp.content.decode()
    for tekst in (
        "Hanna Hoog",
        t.leerling.geboortedatum.strftime("%d-%m-%Y"),
        t.kenmerk,
        "speciaal onderwijs (so)",
        "hoog (categorie 3)",
        "01-08-2026",
        "31-07-2027",
        "SWV Testvallei A, SWV-code PO 98-01",
        "SWV Elders PO (PO 98-77)",
        "[002 L216]",
        "SO De Testvuurtoren",
        so.brin_vestiging,
        "Ingeschreven vanaf",
        "01-08-2025",  # datum afgifte
        "data-afdrukken",
        "besluitbrief",
    ):
        assert tekst in html, tekst
    regel = AuditRegel.objects.get(actie=AuditActie.BEKEKEN)
    assert (regel.leerling, regel.object_id, regel.omschrijving) == (
        t.leerling,
        str(t.pk),
        "TLV-blad bekeken",
    )


def test_blad_noemt_de_besluitbrief(world, client):
    """[issue 16.8] A TLV signed in Passend: the blad names its decision letter with its kenmerk."""
    from tests.factories.tlv import concept as maak_concept
    from tests.factories.tlv import naar
    from tests.tweefactor import code_voor
    from tlv import services

    a = naar(world, maak_concept(world), "ter_ondertekening")
    services.onderteken(
        aanvraag=a,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        code=code_voor(world.users["bestuurder"]),
        op=D(2026, 4, 16),
    )
    a.refresh_from_db()
    client.force_login(world.users["sll"])
    html = client.get(reverse("tlv:blad", args=[a.tlv.pk])).content.decode()
    brief = a.handtekening.brief
    assert brief.onderwerp in html and brief.kenmerk in html
    assert "nog niet geplaatst" in html


def test_aanvraagpagina_linkt_naar_het_blad_voor_het_swv_bureau(world, client):
    """[issue 16.8] The aanvraag of an issued TLV links the SWV bureau to its blad; the referring school,
    which may not open the blad, gets no link."""
    t = afgegeven_tlv(world)
    blad = reverse("tlv:blad", args=[t.pk])
    client.force_login(world.users["sll"])
    assert blad in client.get(reverse("tlv:detail", args=[t.aanvraag_id])).content.decode()
    client.force_login(world.users["ib"])
    resp = client.get(reverse("tlv:detail", args=[t.aanvraag_id]))
    assert resp.status_code == 200 and blad not in resp.content.decode()


def test_schoolleiding_van_de_school_van_plaatsing_ziet_het_blad(world, sbo, client):
    """[issue 16.8] The ib'er and directeur of the sbo where the pupil is placed see the blad of their
    own pupil (cases.scope.schooltoegang: their school, the pupil enrolled there now); the referring
    school, another sbo and, once the pupil left, the sbo itself get 404; none of them the register."""
    ll = _ll(world, "Sem", "Schoolleiding")
    t = afgegeven_tlv(world, leerling=ll)
    ib_sbo = GebruikerFactory(username="ib_sbo")
    maak_rol(ib_sbo, "ib", swv=world.swv, school=sbo)
    dir_sbo = GebruikerFactory(username="dir_sbo")
    maak_rol(dir_sbo, "directeur", swv=world.swv, school=sbo)
    ander = GebruikerFactory(username="ib_ander_sbo")
    maak_rol(ander, "ib", swv=world.swv, school=_school(world, SchoolSoort.SBO, "SBO Elders"))
    url = reverse("tlv:blad", args=[t.pk])
    client.force_login(ib_sbo)
    assert client.get(url).status_code == 404  # not yet placed
    schrijf_in(leerling=ll, school=sbo, groep=5, van=D(2026, 8, 24))
    for user in (ib_sbo, dir_sbo):
        client.force_login(user)
        assert client.get(url).status_code == 200
        assert client.get(reverse(URL)).status_code == 403
    for user in (ander, world.users["ib"], world.users["directeur"]):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    schrijf_uit(leerling=ll, tot=D(2027, 7, 9))
    client.force_login(ib_sbo)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("sll", 200),
        ("tla", 200),
        ("bestuurder", 200),
        ("beheer", 200),
        ("sc", 403),
        ("cjk", 403),
        ("ib", 403),
        ("directeur", 403),
        ("leerkracht", 403),
        ("deskundige", 403),
        ("lpa", 403),
    ],
)
def test_register_alleen_voor_het_swv_bureau(world, register, client, rol, status):
    """[issue 16.8] The register is the SWV bureau's (SWV_BUREAU) and the beheerder's."""
    assert _get(client, world.users[rol]).status_code == status
    client.force_login(world.users[rol])
    blad = client.get(reverse("tlv:blad", args=[register["sbo"].pk]))
    assert blad.status_code == (200 if status == 200 else 404)


def test_ander_swv_ziet_niets_van_elkaar(world, register, client):
    """[issue 16.8] [issue 14] Tenant isolation: SWV B's TLV is not in A's register or export, its
    blad is 404 for A; A's regio is unknown to B."""
    b = tweede_swv(world)
    vreemd = afgegeven_tlv(b, leerling=leerling_met_ouders(b, voornaam="Vera", achternaam="Vreemd"))
    resp = _get(client, world.users["sll"])
    assert vreemd.kenmerk not in _kenmerken(resp) and len(_kenmerken(resp)) == 5
    assert "Vera Vreemd" not in resp.content.decode()
    assert resp.context["telling"]["totaal"] == 5
    csv_tekst = client.get(reverse(URL), {"formaat": "csv"}).content.decode("utf-8-sig")
    assert "Vreemd" not in csv_tekst
    assert client.get(reverse("tlv:blad", args=[vreemd.pk])).status_code == 404
    resp_b = _get(client, b.users["sll"], regio=world.regio.pk)
    assert _kenmerken(resp_b) == [vreemd.kenmerk]
    assert any("buiten uw werkgebied" in str(m) for m in resp_b.context["messages"])


def test_lijst_wordt_gelogd(world, register, client):
    """[issue 14] [issue 16.8] One LIJST_BEKEKEN row per page view, for the viewer's SWV."""
    _get(client, world.users["tla"])
    regel = AuditRegel.objects.get(actie=AuditActie.LIJST_BEKEKEN)
    assert (regel.gebruiker, regel.swv, regel.omschrijving) == (world.users["tla"], world.swv, "TLV-register")


def test_constant_aantal_queries(world, sbo, client, django_assert_max_num_queries):
    """[issue 16.8] The register costs the same number of queries for 1 TLV as for 20, placed or not."""
    ll = _ll(world, "Een", "Enkel")
    afgegeven_tlv(world, leerling=ll)
    schrijf_in(leerling=ll, school=sbo, groep=5, van=D(2026, 8, 24))
    client.force_login(world.users["sll"])
    client.get(reverse(URL))
    with CaptureQueriesContext(connection) as een:
        assert client.get(reverse(URL)).status_code == 200
    for i in range(19):
        ll = _ll(world, f"Veel{i}", "Meer")
        afgegeven_tlv(
            world, leerling=ll, schoolsoort="so" if i % 2 else "sbo", categorie="laag" if i % 2 else ""
        )
        if i % 3 == 0 and i % 2 == 0:
            schrijf_in(leerling=ll, school=sbo, groep=5, van=D(2026, 8, 24))
    with django_assert_max_num_queries(len(een)):
        resp = client.get(reverse(URL))
    assert len(_kenmerken(resp)) == 20


def test_menu_toont_het_register_aan_het_swv_bureau(world, client):
    """[issue 16.8] The navigation entry for the SWV bureau, not for a school."""
    client.force_login(world.users["sll"])
    assert reverse(URL) in client.get(reverse("home")).content.decode()
    client.force_login(world.users["ib"])
    assert reverse(URL) not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_demo_register_toont_sbo_so_verlopen_en_niet_geplaatst():
    """[issue 16.8 'the demo shows the TLV register with export'] The demo's register has sbo and so
    with categories, a TLV that ended, one not yet placed and one paid by another SWV."""
    from cases import demo
    from tlv import demo_register

    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    demo_register.bouw(wereld, leerlingen=0, stdout=io.StringIO())
    demo_register.bouw(wereld, leerlingen=0, stdout=io.StringIO())  # idempotent
    tlvs = reg.zet_plaatsing(reg.met_plaatsing_id(reg.TLV.objects.filter(swv=wereld.swv)))
    vandaag = date.today()
    assert len(tlvs) == len(demo_register.TLVS)
    assert {t.schoolsoort for t in tlvs} == {"sbo", "so"}
    assert {t.categorie for t in tlvs if t.schoolsoort == "so"} >= {"laag", "midden", "hoog"}
    assert any(t.einddatum < vandaag for t in tlvs)
    assert any(t.plaatsing is None for t in tlvs) and any(t.plaatsing is not None for t in tlvs)
    assert any(t.bekostiging_grond == BekostigingGrond.HERKOMST for t in tlvs)
    for t in tlvs:
        if t.plaatsing is not None:
            assert Inschrijving.objects.filter(pk=t.plaatsing.pk, school__soort=t.schoolsoort).exists()
