"""Thuiszitters register, escalatieladder, doorzettingskracht, vier-partijenmodel
[002 bijlagen 2.4.1, 2.4.2, 2.5; domain §10]."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, LeerlingFactory, SchoolFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Escalatie, Thuiszitter
from verzuim.models.thuiszitters import StapSoort, VrijstellingStatus
from verzuim.regels import Categorie
from verzuim.selectors import laatste_sinds_voor_drie_maanden, register_queryset, register_telling
from verzuim.services import doorzetting as dsvc
from verzuim.services import thuiszitters as svc
from verzuim.services import vrijstelling as vrsvc

D = date
pytestmark = pytest.mark.django_db
MILAN = D(2025, 11, 3)


def _milan(world, sinds=MILAN, voornaam="Milan"):
    return svc.registreer_thuiszitter(
        leerling=leerling_met_ouder(school=world.school, voornaam=voornaam),
        soort="relatief",
        thuis_sinds=sinds,
        regie_bij="SC regio Noordhoek",
        door=world.users["sc"],
        vandaag=D(2026, 3, 1),
    )


@pytest.mark.parametrize(
    "peildatum, categorie",
    [
        (D(2025, 11, 30), Categorie.DREIGEND),
        (D(2025, 12, 1), Categorie.VIER_WEKEN),
        (D(2026, 2, 2), Categorie.VIER_WEKEN),
        (D(2026, 2, 3), Categorie.DRIE_MAANDEN),
    ],
    ids=["2025-11-30", "2025-12-01", "2026-02-02", "2026-02-03"],
)
def test_register_telt_milan_exact_op_de_grenzen_bijlage_242(world, peildatum, categorie):
    """[002 bijlage 2.4.2][scenario Milan] The SQL count agrees with the rule on every boundary day."""
    _milan(world)
    telling = register_telling(register_queryset(user=world.users["bestuurder"], peildatum=peildatum))
    assert telling["totaal"][categorie] == 1
    assert telling["thuiszitters"] == (0 if categorie == Categorie.DREIGEND else 1)


@pytest.mark.parametrize(
    "peildatum",
    [
        D(2026, 2, 28),
        D(2026, 3, 1),
        D(2026, 3, 31),
        D(2026, 5, 30),
        D(2026, 5, 31),
        D(2024, 2, 29),
        D(2026, 1, 1),
    ],
)
def test_drie_maanden_inverse_is_exact_ook_aan_maandeinden(peildatum):
    from verzuim.regels import drie_maanden_op

    laatste = laatste_sinds_voor_drie_maanden(peildatum)
    assert drie_maanden_op(laatste) <= peildatum < drie_maanden_op(laatste + (D(2000, 1, 2) - D(2000, 1, 1)))


def test_register_per_regio_en_gemeente_lpa_van_andere_gemeente_ziet_niets(world):
    _milan(world)
    andere = LeerlingFactory(swv=world.swv, school=world.school2)
    svc.registreer_thuiszitter(
        leerling=andere,
        soort="relatief",
        thuis_sinds=D(2025, 9, 1),
        regie_bij="SC zuid",
        door=world.users["sll"],
        vandaag=D(2026, 3, 1),
    )
    telling = register_telling(register_queryset(user=world.users["bestuurder"], peildatum=D(2026, 3, 1)))
    assert set(telling["per_regio"]) == {"Regio Noordhoek", "Regio Zuidhoek"}
    assert register_queryset(user=world.users["sc"], peildatum=D(2026, 3, 1)).count() == 1
    assert register_queryset(user=world.users["lpa"], peildatum=D(2026, 3, 1)).count() == 1
    ander = GebruikerFactory(username="lpa_elders")
    maak_rol(ander, "lpa", swv=world.swv_b, gemeente=world.school_b.gemeente)
    assert register_queryset(user=ander, peildatum=D(2026, 3, 1)).count() == 0


def test_beeindigd_telt_niet_meer(world):
    t = _milan(world)
    svc.werk_thuiszitter_bij(
        thuiszitter=t,
        regie_bij=t.regie_bij,
        huidig_aanbod="",
        volgende_stap="",
        volgende_stap_op=None,
        beeindigd_op=D(2026, 3, 2),
        beeindiging="SBO De Brug",
        door=world.users["sc"],
    )
    assert register_queryset(user=world.users["sc"], peildatum=D(2026, 3, 1)).count() == 1
    assert register_queryset(user=world.users["sc"], peildatum=D(2026, 3, 2)).count() == 0


def test_export_csv_en_xlsx(world, client):
    """[domain §10] The count is a figure the SWV reports: exportable with the totals."""
    _milan(world)
    client.force_login(world.users["sll"])
    resp = client.get("/verzuim/thuiszitters/export/?peildatum=2026-02-03&formaat=csv")
    rijen = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[1][0].startswith("Milan")
    assert rijen[1][6] == Categorie.LABELS[Categorie.DRIE_MAANDEN]
    assert rijen[1][8] == "93"  # 3 Nov 2025 up to and including 3 Feb 2026
    resp = client.get("/verzuim/thuiszitters/export/?peildatum=2026-02-02&formaat=xlsx")
    wb = load_workbook(io.BytesIO(resp.content))
    telling = {r[0]: r[1:] for r in wb["Telling"].iter_rows(values_only=True)}
    assert telling["Thuiszitters (langdurig relatief + absoluut)"][0] == 1
    assert wb["Thuiszitters"]["G2"].value == Categorie.LABELS[Categorie.VIER_WEKEN]


def test_nadert_drie_maanden_escalatie_bereikt_directeur_bestuurder_domain10(world, client):
    """[domain §10][002 bijlage 2.4.1] 14 days before three months the sweep opens an escalation with the
    signal and the melding to the directeur-bestuurder; re-running creates nothing new."""
    t = _milan(world)
    assert svc.signaleer_drie_maanden(peildatum=D(2026, 1, 19)) == []
    nieuw = svc.signaleer_drie_maanden(peildatum=D(2026, 1, 20))
    assert len(nieuw) == 1
    assert nieuw[0].thuiszitter == t
    assert [s.stap for s in nieuw[0].stappen.all()] == [StapSoort.SIGNAAL, StapSoort.MELDING_DB]
    assert svc.signaleer_drie_maanden(peildatum=D(2026, 1, 21)) == []
    from cases.navigatie import panelen_voor
    from verzuim import navigatie

    class Vast:
        @staticmethod
        def localdate():
            return D(2026, 1, 21)

    orig = navigatie.timezone
    navigatie.timezone = Vast
    try:
        panelen = panelen_voor(world.users["bestuurder"])
    finally:
        navigatie.timezone = orig
    paneel = next(p for p in panelen if p.titel.startswith("Thuiszitters"))
    assert paneel.context["escalaties"] == [nieuw[0]]
    assert [x.pk for x in paneel.context["nadert"]] == [t.pk]


def test_escalatieladder_volgorde_en_raad_van_toezicht_voor_interventie_bijlage_241(world):
    e = svc.open_escalatie(
        regio=world.regio,
        school=world.school,
        aanleiding="Zorgplicht niet nagekomen.",
        situatie="zorgplicht",
        door=world.users["sc"],
        vandaag=D(2026, 1, 5),
    )
    sc, db = world.users["sc"], world.users["bestuurder"]
    with pytest.raises(ValidationError, match="gesprek"):
        svc.zet_escalatiestap(
            escalatie=e, stap=StapSoort.MELDING_DB, datum=D(2026, 1, 6), toelichting="", door=sc
        )
    svc.zet_escalatiestap(escalatie=e, stap=StapSoort.GESPREK, datum=D(2026, 1, 7), toelichting="", door=sc)
    svc.zet_escalatiestap(escalatie=e, stap=StapSoort.AFSPRAKEN, datum=D(2026, 1, 7), toelichting="", door=sc)
    svc.zet_escalatiestap(
        escalatie=e, stap=StapSoort.MELDING_DB, datum=D(2026, 1, 20), toelichting="", door=sc
    )
    with pytest.raises(ValidationError, match="directeur-bestuurder"):
        svc.zet_escalatiestap(escalatie=e, stap=StapSoort.PLAN, datum=D(2026, 1, 21), toelichting="", door=sc)
    with pytest.raises(ValidationError, match="Raad van Toezicht"):
        svc.zet_escalatiestap(
            escalatie=e, stap=StapSoort.INTERVENTIE, datum=D(2026, 1, 21), toelichting="", door=db
        )
    svc.zet_escalatiestap(escalatie=e, stap=StapSoort.RVT, datum=D(2026, 1, 22), toelichting="", door=db)
    svc.zet_escalatiestap(
        escalatie=e, stap=StapSoort.INTERVENTIE, datum=D(2026, 1, 23), toelichting="", door=db
    )
    assert Escalatie.objects.get().stappen.count() == 6


def test_doorzettingskracht_milan_bijlage_242(world):
    """[002 bijlage 2.4.2][scenario Milan] Regie by the directeur-bestuurder; ouders consent first; the SC
    names three schools of the regio; two boards decline, the third admits from Mon 2026-03-02; a
    procesverslag to all involved after every step."""
    t = _milan(world)
    db, sc = world.users["bestuurder"], world.users["sc"]
    (escalatie,) = svc.signaleer_drie_maanden(peildatum=D(2026, 1, 20))
    d = dsvc.start_doorzettingskracht(thuiszitter=t, door=db, vandaag=D(2026, 2, 3))
    scholen = [
        SchoolFactory(swv=world.swv, regio=world.regio, gemeente=world.gemeente, naam=f"School {n}")
        for n in "ABC"
    ]
    with pytest.raises(ValidationError, match="instemming"):
        dsvc.stel_scholen_voor(doorzettingskracht=d, scholen=scholen, door=sc, vandaag=D(2026, 2, 5))
    dsvc.leg_instemming_ouders_vast(doorzettingskracht=d, op=D(2026, 2, 5), toelichting="", door=db)
    with pytest.raises(ValidationError, match="precies drie"):
        dsvc.stel_scholen_voor(doorzettingskracht=d, scholen=scholen[:2], door=sc, vandaag=D(2026, 2, 6))
    buiten = SchoolFactory(swv=world.swv, regio=world.regio2, gemeente=world.gemeente)
    with pytest.raises(ValidationError, match="regionale steunpunt"):
        dsvc.stel_scholen_voor(
            doorzettingskracht=d, scholen=scholen[:2] + [buiten], door=sc, vandaag=D(2026, 2, 6)
        )
    voorstellen = dsvc.stel_scholen_voor(
        doorzettingskracht=d, scholen=scholen, door=sc, vandaag=D(2026, 2, 6)
    )
    dsvc.leg_antwoord_bestuur_vast(voorstel=voorstellen[0], antwoord="afgewezen", op=D(2026, 2, 12), door=db)
    dsvc.leg_antwoord_bestuur_vast(voorstel=voorstellen[1], antwoord="afgewezen", op=D(2026, 2, 16), door=db)
    with pytest.raises(ValidationError, match="toelaat"):
        dsvc.leg_antwoord_bestuur_vast(
            voorstel=voorstellen[2], antwoord="akkoord", op=D(2026, 2, 20), door=db
        )
    dsvc.leg_antwoord_bestuur_vast(
        voorstel=voorstellen[2], antwoord="akkoord", op=D(2026, 2, 20), plaatsing_vanaf=D(2026, 3, 2), door=db
    )
    d.refresh_from_db()
    t.refresh_from_db()
    assert d.geplaatst_school == scholen[2]
    assert t.beeindigd_op == D(2026, 3, 2)
    escalatie.refresh_from_db()
    assert escalatie.gesloten_op == D(2026, 3, 2)  # back in education: the escalation closes
    verslagen = list(d.verslagen.all())
    assert len(verslagen) == 6
    assert all(any("ouders" in a for a in v.verzonden_aan) for v in verslagen)
    assert any(scholen[2].bestuur.naam in a for a in verslagen[-1].verzonden_aan)


def test_vier_partijen_poort_en_nee_tenzij_bijlage_25(world):
    """[002 bijlage 2.5][Leerplichtwet art. 5 onder a] No decision until ouders, LPA, GGD-arts and SWV are
    each recorded with their advice; granting needs zwaarwegende argumenten; the LPA decides."""
    ll = LeerlingFactory(swv=world.swv, gemeente=world.gemeente)
    v = vrsvc.dien_vrijstelling_in(
        leerling=ll,
        gemeente=world.gemeente,
        regio=world.regio,
        ingediend_op=D(2026, 1, 5),
        door=world.users["sll"],
    )
    lpa = world.users["lpa"]
    for partij in ("ouders", "lpa", "ggd"):
        vrsvc.leg_advies_vast(
            verzoek=v,
            partij=partij,
            naam=f"Naam {partij}",
            betrokken_op=D(2026, 1, 12),
            advies="Advies.",
            door=world.users["sll"],
        )
        with pytest.raises(ValidationError, match="vier-partijenmodel"):
            vrsvc.besluit_vrijstelling(verzoek=v, toekennen=False, door=lpa)
    with pytest.raises(ValidationError, match="samenwerkingsverband"):
        vrsvc.besluit_vrijstelling(verzoek=v, toekennen=True, zwaarwegende_argumenten="x", door=lpa)
    vrsvc.leg_advies_vast(
        verzoek=v,
        partij="swv",
        naam="Orthopedagoog SWV",
        betrokken_op=D(2026, 1, 14),
        advies="Onderwijs is mogelijk met aanpassingen.",
        door=world.users["sll"],
    )
    with pytest.raises(ValidationError, match="nee, tenzij|Nee, tenzij"):
        vrsvc.besluit_vrijstelling(
            verzoek=v,
            toekennen=True,
            zwaarwegende_argumenten="",
            geldig_tot=D(2026, 7, 31),
            door=lpa,
            vandaag=D(2026, 1, 20),
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        vrsvc.besluit_vrijstelling(verzoek=v, toekennen=False, door=world.users["sll"])
    v = vrsvc.besluit_vrijstelling(
        verzoek=v,
        toekennen=True,
        zwaarwegende_argumenten="Medisch zwaarwegend.",
        geldig_tot=D(2026, 7, 31),
        door=lpa,
        vandaag=D(2026, 1, 20),
    )
    assert v.status == VrijstellingStatus.TOEGEKEND
    assert Thuiszitter.objects.get(leerling=ll).soort == "vrijstelling"


def test_vrijstelling_standaard_nee(world):
    from verzuim.forms import VrijstellingBesluitForm

    assert VrijstellingBesluitForm().fields["toekennen"].initial == "nee"
