"""The beheerder manages one SWV [issue 14]: Django's admin is for the installation's superuser only,
and the beheerder's own pages (/beheer/) never reach another SWV, a superuser or staff rights.

Each test here failed on the code before issue 14: a beheerder with is_staff and the demo's model
permissions could open the admin at /beheer/, give himself a role in SWV B or is_superuser there,
and then read SWV B's dossiers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from cases.models import Gebruiker, Regio, Rol, School
from cases.models.rollen import RolSoort
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


def _beheerder_met_adminrechten(world):
    """The beheerder as the demo made him before issue 14: is_staff and every model permission."""
    user = world.users["beheer"]
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="cases"))
    return Gebruiker.objects.get(pk=user.pk)


@pytest.mark.parametrize(
    "naam", ["admin:index", "admin:cases_gebruiker_changelist", "admin:cases_school_add"]
)
def test_beheerder_met_is_staff_krijgt_geen_adminpagina(naam, world, client):
    """[issue 14] is_staff and model permissions do not open the admin: only the superuser."""
    client.force_login(_beheerder_met_adminrechten(world))
    resp = client.get(reverse(naam))
    assert resp.status_code == 302
    assert resp["Location"].startswith(reverse("admin:login"))


def test_superuser_opent_de_admin_op_systeembeheer(world, client):
    """[issue 14] The superuser still has the admin, now at /systeembeheer/."""
    su = GebruikerFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(su)
    assert reverse("admin:index") == "/systeembeheer/"
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:cases_gebruiker_changelist")).status_code == 200


def test_inactieve_superuser_komt_niet_in_de_admin(world, client):
    su = GebruikerFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(su)
    Gebruiker.objects.filter(pk=su.pk).update(is_active=False)
    assert client.get(reverse("admin:index")).status_code == 302


def test_beheerder_kan_zichzelf_niet_tot_superuser_maken_via_de_admin(world, client):
    """[issue 14] The escalation as it worked: POST is_superuser on his own user in the admin."""
    beheer = _beheerder_met_adminrechten(world)
    client.force_login(beheer)
    url = reverse("admin:cases_gebruiker_change", args=[beheer.pk])
    resp = client.post(
        url,
        {
            "username": beheer.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "rollen-TOTAL_FORMS": "0",
            "rollen-INITIAL_FORMS": "0",
        },
    )
    assert resp.status_code == 302 and resp["Location"].startswith(reverse("admin:login"))
    assert not Gebruiker.objects.get(pk=beheer.pk).is_superuser


def test_beheerder_kan_zich_geen_rol_in_een_ander_swv_geven_via_de_admin(world, client):
    """[issue 14] Nor a role in SWV B through the admin's role inline, and so no SWV B dossier."""
    beheer = _beheerder_met_adminrechten(world)
    client.force_login(beheer)
    voor = Rol.objects.filter(gebruiker=beheer).count()
    resp = client.post(
        reverse("admin:cases_gebruiker_change", args=[beheer.pk]),
        {
            "username": beheer.username,
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "rollen-TOTAL_FORMS": "1",
            "rollen-INITIAL_FORMS": "0",
            "rollen-0-soort": RolSoort.SLL,
            "rollen-0-swv": str(world.swv_b.pk),
            "rollen-0-actief": "on",
        },
    )
    assert resp.status_code == 302 and resp["Location"].startswith(reverse("admin:login"))
    assert Rol.objects.filter(gebruiker=beheer).count() == voor
    assert not Rol.objects.filter(gebruiker=beheer, swv=world.swv_b).exists()


def test_beheerder_ziet_geen_school_van_swv_b_in_de_admin(world, client):
    client.force_login(_beheerder_met_adminrechten(world))
    resp = client.get(reverse("admin:cases_school_change", args=[world.school_b.pk]))
    assert resp.status_code == 302
    assert School.objects.filter(pk=world.school_b.pk, naam="OBS Ver Weg").exists()
    assert Regio.objects.filter(swv=world.swv_b).exists()
