"""Access ends when its reason ends [issue 14]: the one rule (cases.scope.schooltoegang) on the
querysets of the interventietraject, the time-out, the schorsing, the verzuimmelding and the
thuiszitter, and the team membership that ends with the traject."""

from datetime import date

import pytest
from django.urls import reverse

from cases.interventie.models.traject import (
    InterventieAfspraak,
    InterventieTeamlid,
    Interventietraject,
    TeamRol,
)
from cases.models import Leerling
from cases.scope import reset_scope
from cases.services.inschrijving import schrijf_in, schrijf_uit
from tests.factories.interventie import AfspraakFactory, traject_in
from tests.matrix.verzuim import _schorsing, _time_out, _verwijdering
from verzuim.models import Schorsing, TimeOut, Verwijdering

pytestmark = pytest.mark.django_db


def _zichtbaar(model, user, pk) -> bool:
    reset_scope(user)
    return model.objects.filter_for_user(user).filter(pk=pk).exists()


def test_directeur_verliest_het_traject_als_de_leerling_vertrekt_issue14(world):
    """[issue 14] Uitschrijving: the school's staff lose the traject, the SWV keeps it."""
    traject = traject_in(world, status="lopend")
    assert _zichtbaar(Interventietraject, world.users["directeur"], traject.pk)
    schrijf_uit(leerling=traject.leerling, tot=date(2026, 3, 13))
    for rol in ("directeur", "ib", "leerkracht"):
        assert not _zichtbaar(Interventietraject, world.users[rol], traject.pk), rol
    for rol in ("bestuurder", "sll", "beheer"):
        assert _zichtbaar(Interventietraject, world.users[rol], traject.pk), rol


def test_overstap_naar_andere_school_beeindigt_de_toegang_van_de_oude_issue14(world):
    """[issue 14] A move to school A2: A1's staff lose the time-out and schorsing of A1; A2's
    IB'er does not get A1's measures either (the row stays with the school that took it)."""
    to = _time_out(world)["pk"]
    sc = _schorsing(world)["pk"]
    ll = TimeOut.objects.get(pk=to).leerling
    Schorsing.objects.filter(pk=sc).update(leerling=ll)
    schrijf_in(leerling=ll, school=world.school2, groep=4, van=date(2026, 3, 16))
    for model, pk in ((TimeOut, to), (Schorsing, sc)):
        assert not _zichtbaar(model, world.users["directeur"], pk), model
        assert not _zichtbaar(model, world.ib_a2, pk), model
        assert _zichtbaar(model, world.users["bestuurder"], pk), model


def test_verwijdering_blijft_bij_de_verwijderende_school_issue14(world):
    """[issue 14] The exception: the bevoegd gezag of the removing school decides the bezwaar."""
    pk = _verwijdering(world)["pk"]
    schrijf_uit(leerling=Verwijdering.objects.get(pk=pk).leerling, tot=date(2026, 3, 13))
    assert _zichtbaar(Verwijdering, world.users["directeur"], pk)


def test_teamlid_verliest_het_traject_bij_afsluiten_issue14(world):
    """[issue 14] A team member and an afspraak's owner see the traject while it runs, not after."""
    traject = traject_in(world, team=True, status="lopend")
    lid = world.users["deskundige"]
    InterventieTeamlid.objects.create(traject=traject, rol=TeamRol.GEDRAGSSPECIALIST, gebruiker=lid)
    afspraak = AfspraakFactory(traject=traject, eigenaar=world.users["cjk"], bewaker=world.users["lpa"])
    assert _zichtbaar(Interventietraject, lid, traject.pk)
    assert _zichtbaar(InterventieAfspraak, world.users["lpa"], afspraak.pk)
    Interventietraject.objects.filter(pk=traject.pk).update(
        status="afgesloten", afgesloten_op=date(2026, 6, 1)
    )
    assert not _zichtbaar(Interventietraject, lid, traject.pk)
    assert not _zichtbaar(InterventieTeamlid, lid, traject.teamleden.get(gebruiker=lid).pk)
    assert not _zichtbaar(InterventieAfspraak, world.users["lpa"], afspraak.pk)
    # the school and the SWV keep the history
    for rol in ("directeur", "bestuurder"):
        assert _zichtbaar(Interventietraject, world.users[rol], traject.pk), rol


def test_directeur_kan_niet_meer_posten_op_een_vertrokken_leerling_issue14(world, client):
    """[issue 14] The forms too: a POST on the time-out of a pupil who left changes nothing."""
    pk = _time_out(world)["pk"]
    t = TimeOut.objects.get(pk=pk)
    schrijf_uit(leerling=Leerling.objects.get(pk=t.leerling_id), tot=date(2026, 3, 13))
    client.force_login(world.users["directeur"])
    resp = client.post(reverse("verzuim:time_out", kwargs={"pk": pk}), {"actie": "verleng"})
    assert resp.status_code == 404
    assert TimeOut.objects.get(pk=pk).verlengd_tot == t.verlengd_tot


def test_verzuimregistratie_en_thuiszitter_volgen_de_inschrijving_issue14(world):
    """[issue 14] The school's verzuim rows and thuiszitperiode go with the pupil too."""
    from decimal import Decimal

    from tests.matrix.verzuim import _thuiszitter
    from verzuim.models import Thuiszitter, VerzuimRegistratie
    from verzuim.services.meldingen import registreer_verzuim

    t = _thuiszitter(world)
    Thuiszitter.objects.filter(pk=t.pk).update(school=world.school)
    r = registreer_verzuim(
        leerling=t.leerling,
        soort="ongeoorloofd",
        datum=date(2026, 3, 4),
        uren=Decimal(2),
        door=world.users["ib"],
        vandaag=date(2026, 3, 4),
    )
    ib = world.users["ib"]
    assert _zichtbaar(VerzuimRegistratie, ib, r.pk) and _zichtbaar(Thuiszitter, ib, t.pk)
    schrijf_uit(leerling=t.leerling, tot=date(2026, 3, 13))
    assert not _zichtbaar(VerzuimRegistratie, ib, r.pk)
    assert not _zichtbaar(Thuiszitter, ib, t.pk)
    assert _zichtbaar(Thuiszitter, world.users["sc"], t.pk)


def test_uitvoerende_school_ziet_het_arrangement_tot_het_einde_issue14(world):
    """[issue 14] The school where a pupil is placed temporarily sees the arrangement while it
    runs (the pupil stays enrolled at the referring school [002 bijlage 2.4.1]); after its last
    day that reason is gone. The referring school keeps it while the pupil is enrolled there."""
    from cases.interventie.models.arrangementen import Arrangement
    from tests.factories.interventie import ArrangementFactory
    from tests.factories.verzuim import leerling_met_ouder

    vandaag = date.today()
    ll = leerling_met_ouder(school=world.school, voornaam="Geplaatst")
    lopend = ArrangementFactory(leerling=ll, uitvoerende_school=world.school2, start=vandaag, einde=vandaag)
    voorbij = ArrangementFactory(
        leerling=ll,
        uitvoerende_school=world.school2,
        start=date(2026, 2, 3),
        einde=date(2026, 4, 30),
    )
    assert _zichtbaar(Arrangement, world.ib_a2, lopend.pk)
    assert not _zichtbaar(Arrangement, world.ib_a2, voorbij.pk)
    assert _zichtbaar(Arrangement, world.users["ib"], voorbij.pk)
    schrijf_uit(leerling=ll, tot=vandaag)
    assert not _zichtbaar(Arrangement, world.users["ib"], voorbij.pk)
    assert _zichtbaar(Arrangement, world.users["sll"], voorbij.pk)


def test_sc_volgt_de_leerling_zoals_het_dossier_issue14(world):
    """[issue 14] A move to a school in another regio: the SC of the old regio loses the traject
    and the TLV-aanvraag together with the dossier; the SWV keeps them."""
    from tests.factories.tlv import concept
    from tlv.models import TLVAanvraag

    traject = traject_in(world, status="lopend")
    aanvraag = concept(world, compleet=False)
    sc = world.users["sc"]
    assert _zichtbaar(Interventietraject, sc, traject.pk)
    assert _zichtbaar(TLVAanvraag, sc, aanvraag.pk)
    for ll in {traject.leerling, aanvraag.leerling}:
        schrijf_in(
            leerling=Leerling.objects.get(pk=ll.pk), school=world.school2, groep=4, van=date(2026, 3, 16)
        )
    assert world.school2.regio_id != world.school.regio_id
    assert not _zichtbaar(Interventietraject, sc, traject.pk)
    assert not _zichtbaar(TLVAanvraag, sc, aanvraag.pk)
    assert not _zichtbaar(Leerling, sc, traject.leerling_id)
    assert _zichtbaar(TLVAanvraag, world.users["bestuurder"], aanvraag.pk)
