"""Time-out, schorsing, verwijdering [004 §3; WPO art. 40, 40c, 63; domain §10]."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models.brieven import Brief
from cases.services.brieven import brief_html
from tests.factories import SchoolbestuurFactory
from tests.factories.verzuim import leerling_met_ouder
from verzuim.models import Schorsing
from verzuim.models.maatregelen import VerwijderingStatus
from verzuim.services import maatregelen as svc
from verzuim.services import verwijdering as vsvc

D = date
pytestmark = pytest.mark.django_db


def _schors(world, ll, van, tot, **extra):
    velden = dict(
        aanleiding="Ernstig incident: medeleerling geslagen.",
        bestuur_akkoord_op=D(2026, 2, 3),
        gesprek_ouders_op=D(2026, 2, 5),
        ouders_geinformeerd_op=D(2026, 2, 3),
    )
    velden.update(extra)
    return svc.schors(
        leerling=ll, van=van, tot=tot, door=world.users["directeur"], vandaag=D(2026, 2, 3), **velden
    )


def test_schorsing_8_dagen_geweigerd_met_reden_wpo40c(world):
    """[WPO art. 40c][domain §10] 8 days refused; the reason names the law and the seeds' 5 days / 3 weeks."""
    lotte = leerling_met_ouder(school=world.school, voornaam="Lotte")
    with pytest.raises(ValidationError) as exc:
        _schors(world, lotte, D(2026, 2, 4), D(2026, 2, 11))
    reden = exc.value.message_dict["tot"][0]
    assert "8 dagen" in reden
    assert "WPO art. 40c" in reden
    assert "5 dagen" in reden
    assert "3 weken" in reden
    assert not Schorsing.objects.exists()
    assert not Brief.objects.exists()


def test_schorsing_7_dagen_toegestaan_wpo40c(world):
    s = _schors(world, leerling_met_ouder(school=world.school), D(2026, 2, 4), D(2026, 2, 10))
    assert s.dagen == 7


def test_lotte_schorsing_3_dagen_brief_en_meldingen_004_par3(world):
    """[004 §3][scenario Lotte] 3 days from Wed 2026-02-04: written decision with reasons and
    bezwaarclausule, to be reported to LPA and inspectie (a task for the school, issue 16.11),
    interventietraject called in."""
    lotte = leerling_met_ouder(school=world.school, voornaam="Lotte")
    s = _schors(world, lotte, D(2026, 2, 4), D(2026, 2, 6))
    assert s.meldplichtig
    assert s.meldingen.count() == 2
    assert s.lpa_gemeld_op is None and s.inspectie_gemeld_op is None  # the school reports, not the product
    assert s.interventie_gestart
    brief = Brief.objects.get(soort="schorsing_besluit")
    assert brief.bezwaarclausule
    assert brief.zaak == s
    html = brief_html(brief)
    assert 'data-bezwaarclausule="ja"' in html
    assert "Ernstig incident" in html
    assert "leerplichtambtenaar" in html
    assert s.bezwaar.einde == D(2026, 3, 17)  # 6 weeks after Tue 3 Feb


def test_schorsing_van_een_dag_niet_meldplichtig_verzuimkaart(world):
    s = _schors(world, leerling_met_ouder(school=world.school), D(2026, 2, 4), D(2026, 2, 4))
    assert not s.meldplichtig
    assert s.lpa_gemeld_op is None
    assert s.inspectie_gemeld_op is None


def test_aansluitende_schorsingen_samen_maximaal_een_week_wpo40c(world):
    """[WPO art. 40c] A schorsing may not be stretched by a second one that follows on (> 7 days)."""
    ll = leerling_met_ouder(school=world.school)
    _schors(world, ll, D(2026, 2, 4), D(2026, 2, 8))
    with pytest.raises(ValidationError, match="samen 8 dagen"):
        _schors(world, ll, D(2026, 2, 9), D(2026, 2, 11))


def test_schorsing_zonder_akkoord_bevoegd_gezag_geweigerd_004(world):
    with pytest.raises(ValidationError) as exc:
        _schors(
            world,
            leerling_met_ouder(school=world.school),
            D(2026, 2, 4),
            D(2026, 2, 5),
            bestuur_akkoord_op=None,
        )
    assert "bevoegd gezag" in exc.value.message_dict["bestuur_akkoord_op"][0]


def test_schorsing_alleen_door_directeur(world):
    with pytest.raises(PermissionDenied):
        svc.schors(
            leerling=leerling_met_ouder(school=world.school),
            van=D(2026, 2, 4),
            tot=D(2026, 2, 4),
            aanleiding="x",
            bestuur_akkoord_op=D(2026, 2, 3),
            gesprek_ouders_op=D(2026, 2, 4),
            ouders_geinformeerd_op=D(2026, 2, 3),
            door=world.users["ib"],
            vandaag=D(2026, 2, 3),
        )


def test_time_out_eenmaal_verlengen_met_een_dag_004_par3(world):
    """[004 §3 'Time-out'] Rest of the day; extendable once by one day (Tue 3 -> Wed 4 Feb), not twice."""
    lotte = leerling_met_ouder(school=world.school, voornaam="Lotte")
    t = svc.registreer_time_out(
        leerling=lotte,
        datum=D(2026, 2, 3),
        aanleiding="Explosie in de klas.",
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=world.users["directeur"],
        vandaag=D(2026, 2, 3),
    )
    assert t.goedgekeurd_door == world.users["directeur"]
    assert t.interventie_gestart
    assert Brief.objects.filter(soort="verzuim_time_out").count() == 1
    t = svc.verleng_time_out(time_out=t, door=world.users["directeur"])
    assert t.verlengd_tot == D(2026, 2, 4)
    with pytest.raises(ValidationError, match="maar éénmaal"):
        svc.verleng_time_out(time_out=t, door=world.users["directeur"])


def test_time_out_na_vrijdag_verlengd_tot_maandag(world):
    t = svc.registreer_time_out(
        leerling=leerling_met_ouder(school=world.school),
        datum=D(2026, 2, 6),
        aanleiding="Incident.",
        ouders_geinformeerd_op=D(2026, 2, 6),
        door=world.users["directeur"],
        vandaag=D(2026, 2, 6),
    )
    assert svc.verleng_time_out(time_out=t, door=world.users["directeur"]).verlengd_tot == D(2026, 2, 9)


def test_time_out_alleen_na_goedkeuring_directie_004(world):
    with pytest.raises(PermissionDenied, match="directie"):
        svc.registreer_time_out(
            leerling=leerling_met_ouder(school=world.school),
            datum=D(2026, 2, 3),
            aanleiding="x",
            ouders_geinformeerd_op=D(2026, 2, 3),
            door=world.users["ib"],
            vandaag=D(2026, 2, 3),
        )


def test_time_out_verslag_voor_gezien_en_bestuur_geinformeerd_004(world):
    t = svc.registreer_time_out(
        leerling=leerling_met_ouder(school=world.school),
        datum=D(2026, 2, 3),
        aanleiding="Incident.",
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=world.users["directeur"],
        vandaag=D(2026, 2, 3),
    )
    with pytest.raises(ValidationError, match="verslag"):
        svc.rond_time_out_af(
            time_out=t,
            verslag="",
            verslag_voor_gezien_op=None,
            bestuur_geinformeerd_op=None,
            door=world.users["ib"],
        )
    t = svc.rond_time_out_af(
        time_out=t,
        verslag="Gesprek gevoerd.",
        verslag_voor_gezien_op=D(2026, 2, 5),
        bestuur_geinformeerd_op=D(2026, 2, 4),
        door=world.users["ib"],
    )
    assert t.verslag_voor_gezien_op == D(2026, 2, 5)
    assert t.bestuur_geinformeerd_op == D(2026, 2, 4)


def _verwijdering(world, *, bestuur=None):
    school = world.school
    if bestuur is not None:
        school.bestuur = bestuur
        school.save()
    d = world.users["directeur"]
    v = vsvc.start_verwijdering(
        leerling=leerling_met_ouder(school=school, voornaam="Lotte"),
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=D(2026, 1, 26),
        door=d,
        vandaag=D(2026, 1, 26),
    )
    return v, d


def test_verwijdering_besluit_pas_na_horen_leerkracht_en_ouders_004_hoorplicht(world):
    """[004 §3 'Hoorplicht'] No decision before the leerkracht and the ouders were heard, with verslagen."""
    v, d = _verwijdering(world)
    with pytest.raises(ValidationError) as exc:
        vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    assert "groepsleerkracht" in str(exc.value)
    assert "ouders" in str(exc.value)
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 1, 27), verslag="Leerkracht gehoord.", door=d)
    with pytest.raises(ValidationError, match="ouders zijn nog niet gehoord"):
        vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    vsvc.hoor(verwijdering=v, wie="ouders", op=D(2026, 1, 28), verslag="Ouders gehoord.", door=d)
    v = vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    assert v.status == VerwijderingStatus.BESLOTEN
    assert v.lpa_gemeld_op is None and v.inspectie_gemeld_op is None  # a task for the school [issue 16.11]
    assert v.meldingen.count() == 2
    brief = Brief.objects.get(soort="verwijdering_besluit")
    assert brief.bezwaarclausule
    assert 'data-bezwaarclausule="ja"' in brief_html(brief)
    assert v.bezwaar.einde == D(2026, 3, 12)  # domain §11: sent Thu 29 Jan -> Thu 12 Mar


def test_verwijdering_definitief_pas_met_ontvangende_school_wpo40(world):
    """[WPO art. 40][domain §10] Not definitive without a school willing to admit, however long the
    search lasted: the 2008 protocol's 8 weeks do not release a PO school."""
    v, d = _verwijdering(world)
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 1, 27), verslag="Gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=D(2026, 1, 28), verslag="Gehoord.", door=d)
    vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    vsvc.leg_zoekpoging_vast(
        verwijdering=v,
        school="OBS De Verre Horizon",
        benaderd_op=D(2026, 1, 30),
        antwoord="afgewezen",
        antwoord_op=D(2026, 2, 6),
        door=d,
    )
    with pytest.raises(ValidationError) as exc:
        vsvc.maak_verwijdering_definitief(verwijdering=v, door=d, vandaag=D(2026, 5, 1))  # > 8 weeks later
    assert "acht weken" in str(exc.value)
    assert "WPO art. 40" in str(exc.value)
    assert "zoekpogingen: 1" in str(exc.value)
    vsvc.leg_zoekpoging_vast(
        verwijdering=v,
        school="SBO De Brug",
        benaderd_op=D(2026, 2, 9),
        antwoord="akkoord",
        antwoord_op=D(2026, 2, 20),
        door=d,
    )
    v = vsvc.maak_verwijdering_definitief(verwijdering=v, door=d, vandaag=D(2026, 5, 1))
    assert v.status == VerwijderingStatus.DEFINITIEF
    assert v.ontvangende_school == "SBO De Brug"


@pytest.mark.parametrize(
    "denominatie, einde",
    [
        ("openbaar", D(2026, 4, 9)),  # 4 weeks after the bezwaartermijn ends Thu 12 Mar
        ("bijzonder", D(2026, 3, 31)),  # WPO art. 63: 4 weeks after receipt Tue 3 Mar
    ],
    ids=["openbaar-na-bezwaartermijn", "bijzonder-wpo63-na-ontvangst"],
)
def test_beslistermijn_bezwaar_verwijdering_004(world, denominatie, einde):
    """[004 §3][WPO art. 63][domain §10] Decision on bezwaar within 4 weeks."""
    v, d = _verwijdering(world, bestuur=SchoolbestuurFactory(swv=world.swv, denominatie=denominatie))
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 1, 27), verslag="Gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=D(2026, 1, 28), verslag="Gehoord.", door=d)
    vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    v = vsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    assert v.beslistermijn_bezwaar.einde == einde


def test_beslistermijn_bezwaar_als_termijn_voor_de_directeur(world):
    """[004 §3][domain §11] The decision term on the bezwaar is registered for the sweep; twice refused."""
    from cases.termijnen.models.termijnen import Termijn

    v, d = _verwijdering(world, bestuur=SchoolbestuurFactory(swv=world.swv, denominatie="bijzonder"))
    vsvc.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 1, 27), verslag="Gehoord.", door=d)
    vsvc.hoor(verwijdering=v, wie="ouders", op=D(2026, 1, 28), verslag="Gehoord.", door=d)
    vsvc.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 1, 29))
    vsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 3), door=d)
    termijn = Termijn.objects.get(soort="verwijdering_beslistermijn_bezwaar")
    assert termijn.einde == D(2026, 3, 31)
    assert "WPO art. 63" in termijn.basis
    assert Termijn.objects.voor_verantwoordelijke(d).filter(pk=termijn.pk).exists()
    with pytest.raises(ValidationError, match="al geregistreerd"):
        vsvc.registreer_bezwaar(verwijdering=v, ontvangen_op=D(2026, 3, 4), door=d)
