"""Audit log that holds [issue 14]: the client IP cannot be written by the client, lists, exports
and logins carry the SWV, refused attempts leave a row, and on PostgreSQL the table is append-only
in the database itself with one audited retention procedure."""

import pytest
from django.test import RequestFactory

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
