"""Audit log that holds [issue 14]: the client IP cannot be written by the client, lists, exports
and logins carry the SWV, refused attempts leave a row, and on PostgreSQL the table is append-only
in the database itself with one audited retention procedure."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from cases.models import AuditRegel
from cases.models.audit import AuditActie
from cases.services.audit import client_ip

pytestmark = pytest.mark.django_db


class TestClientIp:
    """[issue 14] REMOTE_ADDR, or X-Forwarded-For only behind PASSEND_TRUSTED_PROXIES proxies."""

    def _ip(self, settings, proxies, remote, forwarded=None):
        settings.PASSEND_TRUSTED_PROXIES = proxies
        extra = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return client_ip(RequestFactory().get("/", **extra))

    def test_zonder_proxy_telt_alleen_remote_addr(self, settings):
        assert self._ip(settings, 0, "203.0.113.9", "1.2.3.4") == "203.0.113.9"

    def test_een_proxy_neemt_het_adres_dat_de_proxy_toevoegde(self, settings):
        # The client wrote "1.2.3.4"; our proxy appended the peer it saw, 198.51.100.7.
        assert self._ip(settings, 1, "10.0.0.2", "1.2.3.4, 198.51.100.7") == "198.51.100.7"

    def test_twee_proxies_nemen_het_tweede_van_rechts(self, settings):
        ip = self._ip(settings, 2, "10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2")
        assert ip == "198.51.100.7"

    def test_te_korte_header_is_niet_van_onze_proxies(self, settings):
        assert self._ip(settings, 2, "10.0.0.3", "1.2.3.4") == "10.0.0.3"

    def test_geen_header_achter_proxy_geeft_remote_addr(self, settings):
        assert self._ip(settings, 1, "10.0.0.2") == "10.0.0.2"

    def test_onzin_wordt_geen_ip(self, settings):
        assert self._ip(settings, 1, "10.0.0.2", "<script>, niet-een-ip") == "10.0.0.2"
        assert self._ip(settings, 0, "onzin") is None

    def test_vervalste_header_komt_niet_in_de_auditregel(self, world, login, settings):
        from django.urls import reverse

        from cases.models import AuditRegel
        from tests.factories.dossier import leerling_met_ouders

        settings.PASSEND_TRUSTED_PROXIES = 0
        leerling = leerling_met_ouders(world)
        ib = login(world.users["ib"])
        ib.get(reverse("dossier", args=[leerling.pk]), REMOTE_ADDR="10.9.8.7", HTTP_X_FORWARDED_FOR="6.6.6.6")
        regel = AuditRegel.objects.filter(leerling=leerling).latest("id")
        assert regel.ip == "10.9.8.7"


op_postgresql = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="de trigger bestaat alleen op PostgreSQL (migratie cases 0009); CI draait op PostgreSQL",
)


def _oude_regel(world, jaren_geleden, **kwargs):
    import time_machine
    from django.utils import timezone

    from cases.services.audit import log

    with time_machine.travel(timezone.now() - timedelta(days=365 * jaren_geleden + 2), tick=False):
        return log(actie=AuditActie.BEKEKEN, user=world.users["ib"], **kwargs)


@op_postgresql
class TestAlleenToevoegenOpPostgresql:
    """[issue 14] The database itself refuses changing or removing audit rows."""

    @pytest.fixture
    def regel(self, world):
        from cases.services.audit import log

        return log(actie=AuditActie.BEKEKEN, user=world.users["ib"], swv=world.swv, omschrijving="echt")

    def _weigert(self, sql, params=()):
        with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

    def test_update_via_sql_faalt(self, regel):
        self._weigert("UPDATE cases_auditregel SET omschrijving = 'vervalst' WHERE id = %s", [regel.pk])
        self._weigert("UPDATE cases_auditregel SET ip = '6.6.6.6' WHERE id = %s", [regel.pk])
        self._weigert("UPDATE cases_auditregel SET tijdstip = now() - interval '9 years'")
        regel.refresh_from_db()
        assert regel.omschrijving == "echt"

    def test_ander_gebruiker_invullen_faalt(self, world, regel):
        self._weigert(
            "UPDATE cases_auditregel SET gebruiker_id = %s WHERE id = %s", [world.users["sc"].pk, regel.pk]
        )

    def test_truncate_faalt(self, db):
        # No row inserted in this transaction: else PostgreSQL refuses for pending FK checks first.
        self._weigert("TRUNCATE cases_auditregel")

    def test_delete_via_sql_en_orm_faalt(self, regel):
        self._weigert("DELETE FROM cases_auditregel WHERE id = %s", [regel.pk])
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditRegel.objects.filter(pk=regel.pk).delete()
        assert AuditRegel.objects.filter(pk=regel.pk).exists()

    def test_verwijderde_gebruiker_laat_zijn_regels_staan(self, world):
        """on_delete=SET_NULL stays possible: only the key becomes empty, the name is kept."""
        from cases.services.audit import log
        from tests.factories import GebruikerFactory

        weg = GebruikerFactory(username="vertrokken")
        regel = log(actie=AuditActie.INGELOGD, user=weg, swv=world.swv)
        weg.delete()
        regel.refresh_from_db()
        assert (regel.gebruiker_id, regel.gebruikersnaam) == (None, "vertrokken")


class TestBewaartermijn:
    """[issue 14] manage.py audit_bewaartermijn: only old rows go, and only after its own row."""

    def test_proefdraai_verwijdert_niets(self, world):
        _oude_regel(world, 6, swv=world.swv)
        uit = StringIO()
        call_command("audit_bewaartermijn", stdout=uit)
        assert AuditRegel.objects.count() == 1
        assert "1 auditregels" in uit.getvalue() and "Niets verwijderd" in uit.getvalue()

    def test_verwijdert_alleen_oude_regels_en_logt_zichzelf(self, world):
        from cases.services.audit import log

        oud_a = _oude_regel(world, 6, swv=world.swv)
        _oude_regel(world, 6, swv=world.swv)
        oud_b = _oude_regel(world, 6, swv=world.swv_b)
        bijna = _oude_regel(world, 4, swv=world.swv)
        nieuw = log(actie=AuditActie.BEKEKEN, user=world.users["ib"], swv=world.swv)

        call_command("audit_bewaartermijn", "--ouder-dan", "5", "--uitvoeren", stdout=StringIO())

        assert not AuditRegel.objects.filter(pk__in=[oud_a.pk, oud_b.pk]).exists()
        assert AuditRegel.objects.filter(pk__in=[bijna.pk, nieuw.pk]).count() == 2
        eigen = {r.swv_id: r.omschrijving for r in AuditRegel.objects.filter(actie=AuditActie.OPGESCHOOND)}
        assert set(eigen) == {world.swv.pk, world.swv_b.pk}
        assert "2 auditregels" in eigen[world.swv.pk] and "bewaartermijn 5 jaar" in eigen[world.swv.pk]
        assert "1 auditregels" in eigen[world.swv_b.pk]
        assert "audit_bewaartermijn door" in eigen[world.swv.pk]

    def test_standaardtermijn_uit_de_instelling(self, world, settings):
        settings.PASSEND_AUDIT_BEWAARTERMIJN_JAREN = 7
        zes = _oude_regel(world, 6, swv=world.swv)
        acht = _oude_regel(world, 8, swv=world.swv)
        call_command("audit_bewaartermijn", "--uitvoeren", stdout=StringIO())
        assert AuditRegel.objects.filter(pk=zes.pk).exists()
        assert not AuditRegel.objects.filter(pk=acht.pk).exists()

    def test_onzin_termijn_geeft_nette_fout(self, world):
        with pytest.raises(CommandError, match="minstens 1 jaar"):
            call_command("audit_bewaartermijn", "--ouder-dan", "0", "--uitvoeren")


@pytest.fixture
def beheer_b(world):
    """The beheerder of SWV B (the world fixture has only SWV A's)."""
    from tests.conftest import maak_rol
    from tests.factories import GebruikerFactory

    user = GebruikerFactory(username="beheer_b", is_staff=True)
    maak_rol(user, "beheer", swv=world.swv_b)
    return user


def _zichtbaar_voor(user, **filters):
    return AuditRegel.objects.filter_for_user(user).filter(**filters)


class TestGeweigerd:
    """[issue 14] A 403/404 on a URL with an id leaves a row with user, IP and path, for the
    user's own SWV (the SWV of a foreign id is not his to know)."""

    def test_vreemd_dossier_laat_regel_achter_voor_eigen_swv(self, world, login, beheer_b):
        from django.urls import reverse

        from tests.factories.dossier import leerling_met_ouders

        vreemd = leerling_met_ouders(world, school=world.school_b)
        ib = login(world.users["ib"])
        pad = reverse("dossier", args=[vreemd.pk])
        antwoord = ib.get(pad + "?zoek=Jansen", REMOTE_ADDR="10.4.4.4")
        assert antwoord.status_code in (403, 404)
        regel = AuditRegel.objects.get(actie=AuditActie.GEWEIGERD)
        assert (regel.gebruiker, regel.swv, regel.ip, regel.leerling) == (
            world.users["ib"],
            world.swv,
            "10.4.4.4",
            None,
        )
        assert pad in regel.omschrijving and str(antwoord.status_code) in regel.omschrijving
        assert "Jansen" not in regel.omschrijving  # no query string: no search terms or names
        assert _zichtbaar_voor(world.users["beheer"], actie=AuditActie.GEWEIGERD).count() == 1
        assert not _zichtbaar_voor(beheer_b, actie=AuditActie.GEWEIGERD).exists()

    def test_onbestaand_id_en_403_op_eigen_swv(self, world, login):
        from django.urls import reverse

        from tests.factories.dossier import leerling_met_ouders

        leerkracht = login(world.users["leerkracht"])
        assert leerkracht.get(reverse("dossier", args=[999999])).status_code == 404
        ander = leerling_met_ouders(world, school=world.school2)
        assert leerkracht.get(reverse("dossier", args=[ander.pk])).status_code in (403, 404)
        assert (
            AuditRegel.objects.filter(actie=AuditActie.GEWEIGERD, gebruiker=world.users["leerkracht"]).count()
            == 2
        )

    def test_geen_regel_zonder_id_of_anoniem(self, world, client, login):
        from django.urls import reverse

        client.get(reverse("dossier", args=[1]))  # anonymous: to the login page
        login(world.users["ib"]).get("/bestaat-niet/")
        assert not AuditRegel.objects.filter(actie=AuditActie.GEWEIGERD).exists()


class TestInloggenMetSwv:
    """[issue 14] Logins, logouts and failed logins carry the SWV of the user's roles."""

    def test_inloggen_uitloggen_en_mislukt(self, world, client, beheer_b):
        from django.urls import reverse

        ib = world.users["ib"]
        ib.set_password("Een-lang-genoeg-wachtwoord-1")
        ib.save()
        client.post(reverse("login"), {"username": "ib", "password": "fout"})
        client.post(reverse("login"), {"username": "ib", "password": "Een-lang-genoeg-wachtwoord-1"})
        client.post(reverse("logout"))
        rijen = list(
            AuditRegel.objects.filter(
                actie__in=[AuditActie.MISLUKT, AuditActie.INGELOGD, AuditActie.UITGELOGD]
            )
            .order_by("id")
            .values_list("actie", "swv_id")
        )
        assert rijen == [
            (AuditActie.MISLUKT, world.swv.pk),
            (AuditActie.INGELOGD, world.swv.pk),
            (AuditActie.UITGELOGD, world.swv.pk),
        ]
        assert _zichtbaar_voor(world.users["beheer"], actie=AuditActie.INGELOGD).count() == 1
        assert not _zichtbaar_voor(beheer_b, actie__in=[AuditActie.INGELOGD, AuditActie.MISLUKT]).exists()

    def test_gebruiker_in_twee_swvs_geeft_een_regel_per_swv(self, world, login):
        from cases.services.audit import log_per_swv
        from tests.conftest import maak_rol

        maak_rol(world.users["sll"], "sll", swv=world.swv_b)
        log_per_swv(actie=AuditActie.INGELOGD, user=world.users["sll"])
        assert set(AuditRegel.objects.values_list("swv_id", flat=True)) == {world.swv.pk, world.swv_b.pk}


# Every list page that shows pupils' names [issue 14]. The test below walks them through the matrix.
LIJSTEN = {
    "tlv:lijst",
    "brieven_versturen",
    "ouderdocumenten",
    "tlv:ter_ondertekening",
    "tlv:tla_werklijst",
    "tlv:mijn_aanvragen",
    "tlv:vergaderingen",
    "tlv:herindicaties",
    "tlv:register",
    "zorgplicht:lijst",
    "zorgplicht:overzicht",
    "verzuim:leerlingen",
    "verzuim:meldingen",
    "verzuim:maatregelen",
    "verzuim:thuiszitters",
    "verzuim:escalaties",
    "verzuim:vrijstellingen",
    "interventie_lijst",
    "interventie_overzicht",
    "arrangement_lijst",
    "leerling_lijst",
    "home",
    "termijnen:meldingen",
    "termijnen:lopend",
    "verzuim:duo_meldingen",
    "onderinstroom_lijst",
}
# Not in the list, because they show no pupil: the arrangementen budget (sums per regio), the
# termijncalculator and the agenda page (the feed address only).


class TestLijstenEnExports:
    """[issue 14] One row per list page view and per export, for the viewer's SWV."""

    def test_elke_lijst_heeft_de_auditdecorator(self):
        from django.urls import resolve, reverse

        zonder = sorted(n for n in LIJSTEN if not hasattr(resolve(reverse(n)).func, "audit_lijst"))
        assert not zonder, f"lijsten zonder @lijst_gelogd: {zonder}"

    @pytest.mark.parametrize("naam", sorted(LIJSTEN))
    def test_lijst_laat_een_regel_achter_voor_de_swv_van_de_kijker(self, naam, world, client, beheer_b):
        from django.urls import reverse

        from tests.matrix import alle_entries

        toegang = alle_entries()[naam]
        assert toegang.kwargs is None and toegang.methode == "get"
        rol = sorted(toegang.ok)[0]
        client.force_login(world.users[rol])
        assert client.get(reverse(naam)).status_code == 200
        regels = list(AuditRegel.objects.filter(actie=AuditActie.LIJST_BEKEKEN))
        assert [(r.gebruiker, r.swv) for r in regels] == [(world.users[rol], world.swv)]
        assert regels[0].omschrijving
        assert not _zichtbaar_voor(beheer_b, actie=AuditActie.LIJST_BEKEKEN).exists()

    def test_geweigerde_lijst_laat_geen_lijstregel(self, world, login):
        from django.urls import reverse

        assert login(world.users["leerkracht"]).get(reverse("verzuim:escalaties")).status_code == 403
        assert not AuditRegel.objects.filter(actie=AuditActie.LIJST_BEKEKEN).exists()

    def test_constant_aantal_queries(self, world, login):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from tests.factories.dossier import leerling_met_ouders

        leerling_met_ouders(world)
        sll = login(world.users["sll"])
        sll.get(reverse("leerling_lijst"))
        with CaptureQueriesContext(connection) as een:
            sll.get(reverse("leerling_lijst"))
        for _ in range(5):
            leerling_met_ouders(world)
        with CaptureQueriesContext(connection) as zes:
            sll.get(reverse("leerling_lijst"))
        assert len(zes) == len(een)
        assert AuditRegel.objects.filter(actie=AuditActie.LIJST_BEKEKEN).count() == 3

    @pytest.mark.parametrize(
        "naam,rol,query",
        [
            ("verzuim:thuiszitters_export", "sll", {"formaat": "csv"}),
            ("tlv:doorlooptijden", "sll", {"formaat": "csv"}),
        ],
    )
    def test_export_draagt_de_swv_van_de_kijker(self, naam, rol, query, world, login, beheer_b):
        from django.urls import reverse

        antwoord = login(world.users[rol]).get(reverse(naam), query)
        assert antwoord.status_code == 200
        regels = list(AuditRegel.objects.filter(actie=AuditActie.GEDOWNLOAD))
        assert [(r.gebruiker, r.swv) for r in regels] == [(world.users[rol], world.swv)]
        assert _zichtbaar_voor(world.users["beheer"], actie=AuditActie.GEDOWNLOAD).count() == 1
        assert not _zichtbaar_voor(beheer_b, actie=AuditActie.GEDOWNLOAD).exists()
