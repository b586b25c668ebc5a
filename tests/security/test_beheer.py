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


def test_beheerder_wijzigt_via_de_admin_niets_meer(world, client):
    """[issue 14] Not even his own SWV's school: the admin is closed to him altogether."""
    client.force_login(_beheerder_met_adminrechten(world))
    school = world.school
    resp = client.post(
        reverse("admin:cases_school_change", args=[school.pk]),
        {
            "naam": "Via de admin",
            "brin": school.brin,
            "vestiging": "00",
            "soort": "bao",
            "swv": school.swv_id,
            "bestuur": school.bestuur_id,
            "regio": school.regio_id,
            "gemeente": school.gemeente_id,
            "vakantieregio": "midden",
        },
    )
    assert resp.status_code == 302 and resp["Location"].startswith(reverse("admin:login"))
    school.refresh_from_db()
    assert school.naam == "OBS De Testboom"


# --- the beheer pages never reach SWV B ----------------------------------------------------------


def _swv_b_objecten(world):
    """SWV B's objects for every beheer URL with an id; a superuser sits in SWV A as well."""
    from tests.conftest import maak_rol

    rol_b = Rol.objects.get(gebruiker=world.ib_b)
    su = GebruikerFactory(username="root", is_superuser=True)
    su_rol = maak_rol(su, RolSoort.SLL, swv=world.swv)
    b = world.school_b
    return [
        ("beheer:scholen_wijzigen", {"pk": b.pk}),
        ("beheer:besturen_wijzigen", {"pk": b.bestuur_id}),
        ("beheer:regios_wijzigen", {"pk": b.regio_id}),
        ("beheer:gemeenten_wijzigen", {"pk": b.gemeente_id}),
        ("beheer:gebruiker_wijzigen", {"pk": world.ib_b.pk}),
        ("beheer:rol_nieuw", {"pk": world.ib_b.pk}),
        ("beheer:rol_wijzigen", {"pk": world.ib_b.pk, "rol_pk": rol_b.pk}),
        # SWV A's own user, with SWV B's role id: the role is not reached through him either.
        ("beheer:rol_wijzigen", {"pk": world.users["ib"].pk, "rol_pk": rol_b.pk}),
        # A superuser, even with a role in SWV A, is not the beheerder's to touch.
        ("beheer:gebruiker_wijzigen", {"pk": su.pk}),
        ("beheer:rol_wijzigen", {"pk": su.pk, "rol_pk": su_rol.pk}),
    ]


def _stand(world):
    from cases.models import AuditRegel, Gemeente, Schoolbestuur

    b = world.school_b
    return (
        list(School.objects.filter(swv=world.swv_b).values()),
        list(Schoolbestuur.objects.filter(swv=world.swv_b).values()),
        list(Regio.objects.filter(swv=world.swv_b).values()),
        list(Gemeente.objects.filter(swv=world.swv_b).values()),
        list(Rol.objects.filter(swv=world.swv_b).values()),
        list(Rol.objects.filter(gebruiker__is_superuser=True).values()),
        list(Gebruiker.objects.filter(pk__in=[world.ib_b.pk]).values()),
        list(Gebruiker.objects.filter(is_superuser=True).values()),
        AuditRegel.objects.filter(swv=world.swv_b).count(),
        b.pk,
    )


def _post_data(world):
    """Valid-looking data for every form, pointing at SWV B where a form has a choice."""
    b = world.school_b
    return {
        "swv": world.swv_b.pk,
        "naam": "Overgenomen",
        "brin": b.brin,
        "vestiging": "00",
        "soort": "bao",
        "bestuur": b.bestuur_id,
        "regio": b.regio_id,
        "gemeente": b.gemeente_id,
        "vakantieregio": "midden",
        "bestuursnummer": "12345",
        "denominatie": "openbaar",
        "first_name": "Over",
        "last_name": "Genomen",
        "email": "over@genomen.example",
        "username": "overgenomen",
        "is_active": "",
        "is_superuser": "on",
        "is_staff": "on",
        "soort_rol": RolSoort.BEHEERDER,
        "school": b.pk,
        "actief": "",
    }


def test_beheerder_van_a_krijgt_404_op_elk_object_van_b(world, client):
    """[issue 14] GET and POST on every beheer URL with an SWV B id (or a superuser): 404, no change."""
    client.force_login(world.users["beheer"])
    urls = _swv_b_objecten(world)
    voor = _stand(world)
    for naam, kwargs in urls:
        url = reverse(naam, kwargs=kwargs)
        assert client.get(url).status_code == 404, f"GET {naam} {kwargs}"
        assert client.post(url, _post_data(world)).status_code == 404, f"POST {naam} {kwargs}"
    assert _stand(world) == voor


def test_nieuw_formulier_maakt_niets_in_swv_b(world, client):
    """[issue 14] The 'nieuw' pages refuse SWV B as SWV and SWV B's regio/school/bestuur as choice."""
    from cases.models import Gemeente, Schoolbestuur

    client.force_login(world.users["beheer"])
    voor = _stand(world)
    b = world.school_b
    data = {**_post_data(world), "brin": "99QQ"}
    for naam in (
        "beheer:scholen_nieuw",
        "beheer:besturen_nieuw",
        "beheer:regios_nieuw",
        "beheer:gemeenten_nieuw",
    ):
        assert client.post(reverse(naam), data).status_code == 200, naam
    # SWV A as SWV, SWV B's parts as choices: refused as well.
    a_data = {**data, "swv": world.swv.pk}
    assert client.post(reverse("beheer:scholen_nieuw"), a_data).status_code == 200
    resp = client.post(
        reverse("beheer:gebruiker_nieuw"),
        {**data, "rol-swv": world.swv_b.pk, "rol-soort": RolSoort.IB, "rol-school": b.pk},
    )
    assert resp.status_code == 200
    resp = client.post(
        reverse("beheer:rol_nieuw", args=[world.users["beheer"].pk]),
        {"swv": world.swv_b.pk, "soort": RolSoort.BEHEERDER},
    )
    assert resp.status_code == 200
    assert "Kies een samenwerkingsverband dat u beheert." in resp.content.decode()
    assert _stand(world) == voor
    assert not School.objects.filter(brin="99QQ").exists()
    assert not Schoolbestuur.objects.filter(naam="Overgenomen").exists()
    assert not Regio.objects.filter(naam="Overgenomen").exists()
    assert not Gemeente.objects.filter(naam="Overgenomen").exists()
    assert not Gebruiker.objects.filter(username="overgenomen").exists()
    assert not Rol.objects.filter(gebruiker=world.users["beheer"], swv=world.swv_b).exists()


def test_beheerpaginas_tonen_niets_van_swv_b(world, client):
    client.force_login(world.users["beheer"])
    for naam in (
        "beheer:scholen",
        "beheer:gebruikers",
        "beheer:regios",
        "beheer:gemeenten",
        "beheer:besturen",
        "beheer:deskundigen",
        "beheer:scholen_nieuw",
        "beheer:gebruiker_nieuw",
    ):
        html = client.get(reverse(naam)).content.decode()
        assert "OBS Ver Weg" not in html and "ib_b" not in html, naam
        assert world.school_b.regio.naam not in html and world.school_b.bestuur.naam not in html, naam


def test_beheerder_met_rol_elders_beheert_dat_swv_niet(world, client):
    """A beheerder of A who is also IB'er in B manages only A: B's school stays out of reach."""
    from tests.conftest import maak_rol

    beheer = world.users["beheer"]
    maak_rol(beheer, RolSoort.IB, swv=world.swv_b, school=world.school_b)
    client.force_login(beheer)
    assert "OBS Ver Weg" not in client.get(reverse("beheer:scholen")).content.decode()
    assert client.get(reverse("beheer:scholen_wijzigen", args=[world.school_b.pk])).status_code == 404
