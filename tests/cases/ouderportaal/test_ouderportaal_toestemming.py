"""Consent in the ouderportaal [issue 17 'Give or withdraw consent where the seeds ask it'].

An ouder with gezag sees, gives (with the scope where it is asked) and withdraws consent for his
own child; a withdrawal stamps `ingetrokken_op` and the history stays. Staff of the child's school
(IB'er, directeur), the SC of its regio and the SWV bureau see the current consents on the dossier
and record a paper consent; other schools and the second SWV never. Every read and change is
audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import AuditRegel, Toestemming
from cases.models.audit import AuditActie
from cases.ouderportaal.models.toestemming import ONDERWERPEN, ToestemmingOnderwerp, ToestemmingVia
from tests.factories import GebruikerFactory, RolFactory
from tests.factories.ouderportaal import gezin, gezin_van
from tests.factories.tweede_swv import tweede_swv

pytestmark = pytest.mark.django_db

OW = ToestemmingOnderwerp


def _url(g):
    return reverse("ouders:toestemming", args=[g.kind.pk])


def _geef(client, g, onderwerp, scope="", toelichting=""):
    client.force_login(g.gebruiker)
    return client.post(_url(g), {"onderwerp": onderwerp, "scope": scope, "toelichting": toelichting})


class TestOnderwerpen:
    def test_elke_toestemming_heeft_uitleg_en_bron(self):
        """[002 L184, L212, L502, L588, L707, L1170; 001 L146; 004 L172; domain §13] The fixed list of
        consents the seeds ask, each with plain words for ouders and its seed line."""
        assert set(ONDERWERPEN) == set(OW.values)
        for waarde, info in ONDERWERPEN.items():
            assert info.uitleg and info.bron, waarde
            assert "L" in info.bron or "§" in info.bron, waarde
        assert ONDERWERPEN[OW.OVERDRACHT].scope_verplicht  # [002 L212] which school
        assert ONDERWERPEN[OW.INFORMATIE_DERDEN].bron.startswith("002 L184")


class TestGeven:
    def test_geven_met_scope(self, world, client):
        """[002 L212] The ouder gives consent for the transfer to a named school: stored via the
        portal, with the school, shown as current, audited."""
        g = gezin_van(world)
        r = _geef(client, g, OW.OVERDRACHT, scope="OBS De Nieuwe Haven, Lelystad")
        assert r.status_code == 302
        t = Toestemming.objects.get(leerling=g.kind)
        assert (t.onderwerp, t.scope, t.via, t.ouder_id) == (
            OW.OVERDRACHT,
            "OBS De Nieuwe Haven, Lelystad",
            ToestemmingVia.PORTAAL,
            g.ouder.pk,
        )
        assert t.ingetrokken_op is None and t.vastgelegd_door == g.gebruiker
        tekst = client.get(_url(g)).content.decode()
        assert "Toestemming die nu geldt" in tekst and "OBS De Nieuwe Haven" in tekst
        assert AuditRegel.objects.filter(
            actie=AuditActie.AANGEMAAKT,
            leerling=g.kind,
            gebruiker=g.gebruiker,
            omschrijving__contains="OBS De Nieuwe",
        ).exists()

    def test_scope_verplicht_bij_overdracht(self, world, client):
        """[002 L212] Transfer without naming the school: a clear message, nothing stored, the
        typed text kept."""
        g = gezin_van(world)
        r = _geef(client, g, OW.OVERDRACHT, toelichting="We verhuizen in mei")
        assert r.status_code == 400
        tekst = r.content.decode()
        assert "Vul in: welke school?" in tekst and "We verhuizen in mei" in tekst
        assert not Toestemming.objects.filter(leerling=g.kind).exists()

    def test_zonder_keuze_en_onbekend_onderwerp(self, world, client):
        """[issue 17] No subject or one not on the list: a Dutch message, never a 500."""
        g = gezin_van(world)
        assert "Kies waarvoor u toestemming geeft." in _geef(client, g, "").content.decode()
        assert _geef(client, g, "alles_mag").status_code == 400
        assert not Toestemming.objects.filter(leerling=g.kind).exists()

    def test_scope_genegeerd_waar_niet_gevraagd(self, world, client):
        """[002 L502] The jeugdarts consent asks no scope: a typed scope is not stored."""
        g = gezin_van(world)
        _geef(client, g, OW.JEUGDARTS, scope="iets")
        assert Toestemming.objects.get(leerling=g.kind).scope == ""

    def test_dubbel_geven_geweigerd_andere_scope_mag(self, world, client):
        """[002 L184; 004 L172] The same consent for the same party twice: refused, saying why; for
        another party it is a second consent."""
        g = gezin_van(world)
        _geef(client, g, OW.INFORMATIE_DERDEN, scope="Peuterspeelzaal Het Kasteel")
        r = _geef(client, g, OW.INFORMATIE_DERDEN, scope="peuterspeelzaal het kasteel ")
        assert r.status_code == 400 and "Deze toestemming staat al." in r.content.decode()
        _geef(client, g, OW.INFORMATIE_DERDEN, scope="Logopedie Spraakwater")
        assert Toestemming.objects.geldig().filter(leerling=g.kind).count() == 2


class TestIntrekken:
    def test_intrekken_stempelt_en_geschiedenis_blijft(self, world, client):
        """[issue 17; domain §13] Withdrawal never deletes: it stamps ingetrokken_op; the page shows
        it under 'Ingetrokken toestemming'; audited."""
        g = gezin_van(world)
        _geef(client, g, OW.SOCIAAL_TEAM, scope="Sociaal team Noordhoek")
        t = Toestemming.objects.get(leerling=g.kind)
        r = client.post(reverse("ouders:toestemming_intrekken", args=[t.pk]))
        assert r.status_code == 302 and r["Location"] == _url(g)
        t.refresh_from_db()
        assert t.ingetrokken_op is not None and t.ingetrokken_door == g.gebruiker
        assert Toestemming.objects.filter(pk=t.pk).exists()
        tekst = client.get(_url(g)).content.decode()
        assert "Ingetrokken toestemming" in tekst and "Sociaal team Noordhoek" in tekst
        assert "Er geldt nu geen toestemming." in tekst
        assert AuditRegel.objects.filter(
            actie=AuditActie.GEWIJZIGD, leerling=g.kind, omschrijving__startswith="toestemming ingetrokken"
        ).exists()

    def test_twee_keer_intrekken(self, world, client):
        """[issue 17] A second withdrawal changes nothing and says so."""
        g = gezin_van(world)
        _geef(client, g, OW.JEUGDARTS)
        t = Toestemming.objects.get(leerling=g.kind)
        client.post(reverse("ouders:toestemming_intrekken", args=[t.pk]))
        t.refresh_from_db()
        eerst = t.ingetrokken_op
        r = client.post(reverse("ouders:toestemming_intrekken", args=[t.pk]), follow=True)
        assert "al ingetrokken" in r.content.decode()
        t.refresh_from_db()
        assert t.ingetrokken_op == eerst

    def test_opnieuw_geven_na_intrekken(self, world, client):
        """[issue 17] After withdrawing, the ouder may give the same consent again: a new row."""
        g = gezin_van(world)
        _geef(client, g, OW.JEUGDARTS)
        t = Toestemming.objects.get(leerling=g.kind)
        client.post(reverse("ouders:toestemming_intrekken", args=[t.pk]))
        assert _geef(client, g, OW.JEUGDARTS).status_code == 302
        assert Toestemming.objects.filter(leerling=g.kind).count() == 2


class TestScope:
    def test_zonder_gezag_404(self, world, client):
        """[domain §13; issue 17] Gezag ended: the page and a withdrawal are 404, nothing changes."""
        g = gezin_van(world)
        _geef(client, g, OW.JEUGDARTS)
        t = Toestemming.objects.get(leerling=g.kind)
        g.ouder.gezag = False
        g.ouder.save()
        client.force_login(g.gebruiker)
        assert client.get(_url(g)).status_code == 404
        assert client.post(_url(g), {"onderwerp": OW.ONDERZOEK}).status_code == 404
        assert client.post(reverse("ouders:toestemming_intrekken", args=[t.pk])).status_code == 404
        t.refresh_from_db()
        assert t.ingetrokken_op is None
        assert Toestemming.objects.filter(leerling=g.kind).count() == 1

    def test_ander_gezin_404(self, world, client):
        """[issue 17] Another family's child (same school): page, give and withdraw are all 404."""
        eigen = gezin_van(world)
        ander = gezin(world.school)
        _geef(client, ander, OW.JEUGDARTS)
        t = Toestemming.objects.get(leerling=ander.kind)
        client.force_login(eigen.gebruiker)
        assert client.get(_url(ander)).status_code == 404
        assert client.post(_url(ander), {"onderwerp": OW.ONDERZOEK}).status_code == 404
        assert client.post(reverse("ouders:toestemming_intrekken", args=[t.pk])).status_code == 404
        t.refresh_from_db()
        assert t.ingetrokken_op is None and Toestemming.objects.filter(leerling=ander.kind).count() == 1

    def test_lezen_gelogd_en_constant_aantal_queries(self, world, client, django_assert_max_num_queries):
        """[issue 14; issue 17] The page is an audited read; its query count does not grow."""
        g = gezin_van(world)
        _geef(client, g, OW.JEUGDARTS)
        client.get(_url(g))
        assert AuditRegel.objects.filter(
            actie=AuditActie.BEKEKEN, leerling=g.kind, omschrijving="ouderportaal: toestemmingen bekeken"
        ).exists()
        for i in range(5):
            _geef(client, g, OW.INFORMATIE_DERDEN, scope=f"Instantie {i}")
        with django_assert_max_num_queries(14):
            assert client.get(_url(g)).status_code == 200

    def test_kindpagina_linkt_naar_toestemming(self, world, client):
        g = gezin_van(world)
        client.force_login(g.gebruiker)
        assert _url(g) in client.get(reverse("ouders:kind", args=[g.kind.pk])).content.decode()


class TestStaf:
    def _met_toestemming(self, world, client):
        g = gezin_van(world)
        _geef(client, g, OW.OVERDRACHT, scope="CBS De Regenboog")
        return g

    @pytest.mark.parametrize("rol", ["ib", "directeur", "sc", "sll", "bestuurder"])
    def test_paneel_toont_geldige_toestemming(self, rol, world, client):
        """[issue 17] The child's IB'er/directeur, the SC of the regio and the SWV bureau see the
        current consents on the dossier."""
        g = self._met_toestemming(world, client)
        client.force_login(world.users[rol])
        tekst = client.get(reverse("dossier", args=[g.kind.pk])).content.decode()
        assert "Toestemming van ouders" in tekst and "CBS De Regenboog" in tekst

    def test_leerkracht_ziet_geen_paneel(self, world, client):
        """[issue 17] Who sees the dossier but does not handle consent (the leerkracht): no panel."""
        g = self._met_toestemming(world, client)
        client.force_login(world.users["leerkracht"])
        r = client.get(reverse("dossier", args=[g.kind.pk]))
        assert r.status_code == 200 and "CBS De Regenboog" not in r.content.decode()

    def test_staf_van_andere_school_niet(self, world, client):
        """[issue 17; domain §2] The IB'er of another school of the same SWV: dossier and consent page 404."""
        g = self._met_toestemming(world, client)
        ib2 = GebruikerFactory()
        RolFactory(gebruiker=ib2, soort="ib", swv=world.swv, school=world.school2)
        client.force_login(ib2)
        assert client.get(reverse("dossier", args=[g.kind.pk])).status_code == 404
        assert client.get(reverse("toestemming_vastleggen", args=[g.kind.pk])).status_code == 404
        t = Toestemming.objects.get(leerling=g.kind)
        assert client.post(reverse("toestemming_papier_intrekken", args=[t.pk])).status_code == 404
        t.refresh_from_db()
        assert t.ingetrokken_op is None

    def test_tweede_swv_nooit(self, world, client):
        """[issue 14; issue 17] SWV B's staff never see or change SWV A's consents."""
        g = self._met_toestemming(world, client)
        t = Toestemming.objects.get(leerling=g.kind)
        b = tweede_swv(world)
        for rol in ("ib", "sc", "sll", "bestuurder", "beheer"):
            client.force_login(b.users[rol])
            assert client.get(reverse("toestemming_vastleggen", args=[g.kind.pk])).status_code in (
                403,
                404,
            ), rol
            assert client.post(reverse("toestemming_papier_intrekken", args=[t.pk])).status_code in (
                403,
                404,
            ), rol
        t.refresh_from_db()
        assert t.ingetrokken_op is None

    def test_papieren_toestemming_vastleggen(self, world, client):
        """[004 L172, L258] 'De ouders geven schriftelijk toestemming': the IB'er records a consent
        signed on paper, on the day it was signed; the ouder sees it in the portal; audited."""
        g = gezin_van(world)
        ib = world.users["ib"]
        client.force_login(ib)
        leeg = client.get(reverse("toestemming_vastleggen", args=[g.kind.pk])).content.decode()
        assert f'value="{timezone.localdate().isoformat()}"' in leeg  # today, in the date picker
        dag = timezone.localdate() - timedelta(days=3)
        r = client.post(
            reverse("toestemming_vastleggen", args=[g.kind.pk]),
            {
                "ouder": g.ouder.pk,
                "onderwerp": OW.ONDERZOEK,
                "scope": "Dr. Fictief",
                "getekend_op": dag.isoformat(),
            },
        )
        assert r.status_code == 302
        t = Toestemming.objects.get(leerling=g.kind)
        assert t.via == ToestemmingVia.PAPIER and t.vastgelegd_door == ib
        assert timezone.localtime(t.gegeven_op).date() == dag
        assert AuditRegel.objects.filter(actie=AuditActie.AANGEMAAKT, gebruiker=ib, leerling=g.kind).exists()
        client.force_login(g.gebruiker)
        assert "op papier" in client.get(_url(g)).content.decode()
        client.force_login(ib)
        assert (
            "Vastgelegd door"
            in client.get(reverse("toestemming_vastleggen", args=[g.kind.pk])).content.decode()
        )

    def test_papier_datum_in_de_toekomst_en_ouder_zonder_gezag(self, world, client):
        """[issue 17] A date ahead is refused; an ouder without gezag is not offered."""
        g = gezin_van(world)
        client.force_login(world.users["ib"])
        morgen = timezone.localdate() + timedelta(days=1)
        r = client.post(
            reverse("toestemming_vastleggen", args=[g.kind.pk]),
            {
                "ouder": g.ouder.pk,
                "onderwerp": OW.ONDERZOEK,
                "getekend_op": morgen.isoformat(),
                "toelichting": "bewaard",
            },
        )
        assert r.status_code == 400 and "niet in de toekomst" in r.content.decode()
        assert "bewaard" in r.content.decode()
        zonder = g.kind.ouders.exclude(pk=g.ouder.pk).first()
        zonder.gezag = False
        zonder.save()
        r = client.post(
            reverse("toestemming_vastleggen", args=[g.kind.pk]),
            {"ouder": zonder.pk, "onderwerp": OW.ONDERZOEK, "getekend_op": timezone.localdate().isoformat()},
        )
        assert r.status_code == 400 and "Kies een ouder uit de lijst." in r.content.decode()
        assert not Toestemming.objects.filter(leerling=g.kind).exists()

    def test_papier_intrekken(self, world, client):
        """[issue 17] A withdrawal on paper: stamped, never deleted, by the SC; audited."""
        g = self._met_toestemming(world, client)
        t = Toestemming.objects.get(leerling=g.kind)
        sc = world.users["sc"]
        client.force_login(sc)
        assert client.post(reverse("toestemming_papier_intrekken", args=[t.pk])).status_code == 302
        t.refresh_from_db()
        assert t.ingetrokken_op is not None and t.ingetrokken_door == sc
        assert AuditRegel.objects.filter(actie=AuditActie.GEWIJZIGD, gebruiker=sc, leerling=g.kind).exists()


class TestHintElders:
    def test_zorgplicht_toont_of_er_toestemming_is(self, world, client):
        """[002 L184; domain §7] Where zorgplicht asks consent for extra information, the page shows
        (read-only) whether a current consent exists; a withdrawn one does not count."""
        from tests.factories.zorgplicht import aanmelding as maak

        a = maak(world)
        url = reverse("zorgplicht:detail", args=[a.pk])
        client.force_login(world.users["directeur"])
        assert "er geldt nu geen toestemming om informatie op te vragen" in client.get(url).content.decode()
        ouder = a.leerling.ouders.first()
        t = Toestemming.objects.create(
            leerling=a.leerling,
            ouder=ouder,
            onderwerp=OW.INFORMATIE_DERDEN,
            scope="Kinderdagverblijf De Hint",
            via=ToestemmingVia.PAPIER,
            gegeven_op=timezone.now(),
        )
        assert "Kinderdagverblijf De Hint" in client.get(url).content.decode()
        Toestemming.objects.filter(pk=t.pk).update(ingetrokken_op=timezone.now())
        assert "Kinderdagverblijf De Hint" not in client.get(url).content.decode()
