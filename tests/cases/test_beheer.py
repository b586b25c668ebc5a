"""The beheerder's pages [issue 14]: add a school and a user with a role in Dutch pages, change and
deactivate, with an audit row for each change; forms keep what was typed; lists in a fixed number of
queries."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from cases.models import AuditRegel, Gebruiker, Rol, School
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from tests.conftest import maak_rol
from tests.factories import GebruikerFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer(world, client):
    client.force_login(world.users["beheer"])
    return client


def _schooldata(world, **extra):
    data = {
        "swv": world.swv.pk,
        "naam": "OBS De Nieuwe Tak",
        "brin": "99ZZ",
        "vestiging": "00",
        "soort": "bao",
        "bestuur": world.school.bestuur_id,
        "regio": world.regio.pk,
        "gemeente": world.gemeente.pk,
        "vakantieregio": "midden",
    }
    data.update(extra)
    return data


def test_beheerder_voegt_een_school_toe(world, beheer):
    """[issue 14] beheer adds a school in a Dutch page; the audit row carries the SWV."""
    resp = beheer.post(reverse("beheer:scholen_nieuw"), _schooldata(world))
    assert resp.status_code == 302
    school = School.objects.get(brin="99ZZ")
    assert school.swv == world.swv and school.regio == world.regio
    regel = AuditRegel.objects.get(actie=AuditActie.AANGEMAAKT, object_id=str(school.pk))
    assert regel.swv == world.swv
    assert beheer.get(reverse("beheer:scholen")).content.decode().count("OBS De Nieuwe Tak") == 1


def test_schoolformulier_houdt_invoer_en_meldt_in_het_nederlands(world, beheer):
    resp = beheer.post(reverse("beheer:scholen_nieuw"), _schooldata(world, soort="so", brin="99ZY"))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Geef bij een so-school het cluster (3 of 4) op." in html
    assert 'value="OBS De Nieuwe Tak"' in html and 'value="99ZY"' in html
    assert not School.objects.filter(brin="99ZY").exists()


def test_dubbele_brin_en_vestiging_krijgt_een_nederlandse_melding(world, beheer):
    """[issue 14] A second school with the same BRIN and vestigingsnummer is refused in the
    beheerder's words (not Django's "School met deze BRIN en Vestigingsnummer bestaat al."),
    keeping what was typed."""
    SchoolFactory(swv=world.swv, brin="99ZZ", vestiging="00")
    resp = beheer.post(reverse("beheer:scholen_nieuw"), _schooldata(world))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Er bestaat al een school met deze BRIN-code en dit vestigingsnummer." in html
    assert "bestaat al." not in html.replace("vestigingsnummer. Zoek", "")
    assert 'value="OBS De Nieuwe Tak"' in html
    assert School.objects.filter(brin="99ZZ").count() == 1


def test_school_kiest_geen_regio_van_een_ander_swv(world, beheer):
    resp = beheer.post(reverse("beheer:scholen_nieuw"), _schooldata(world, regio=world.school_b.regio_id))
    assert resp.status_code == 200
    assert "Kies een waarde uit de lijst." in resp.content.decode()
    assert not School.objects.filter(brin="99ZZ").exists()


def test_school_wijzigen_wordt_gelogd(world, beheer):
    data = _schooldata(world, naam="OBS De Testboom (nieuw)", brin=world.school.brin)
    resp = beheer.post(reverse("beheer:scholen_wijzigen", args=[world.school.pk]), data)
    assert resp.status_code == 302
    world.school.refresh_from_db()
    assert world.school.naam == "OBS De Testboom (nieuw)"
    assert AuditRegel.objects.filter(
        actie=AuditActie.GEWIJZIGD, object_id=str(world.school.pk), swv=world.swv
    ).exists()


@pytest.mark.parametrize(
    "slug,data",
    [
        ("regios", {"naam": "Regio Oosthoek"}),
        ("gemeenten", {"naam": "Gemeente Oosthoek", "cbs_code": "0999"}),
        ("besturen", {"naam": "Stichting Oost", "bestuursnummer": "41999", "denominatie": "openbaar"}),
    ],
)
def test_regio_gemeente_bestuur_toevoegen(slug, data, world, beheer):
    resp = beheer.post(reverse(f"beheer:{slug}_nieuw"), {"swv": world.swv.pk, **data})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    assert data["naam"] in beheer.get(reverse(f"beheer:{slug}")).content.decode()


def _gebruikerdata(world, **extra):
    data = {
        "first_name": "Nina",
        "last_name": "Nieuwkomer",
        "email": "nina@testvallei.example",
        "username": "nina",
        "rol-swv": world.swv.pk,
        "rol-soort": RolSoort.IB,
        "rol-school": world.school.pk,
    }
    data.update(extra)
    return data


def test_beheerder_voegt_gebruiker_met_rol_toe_en_stuurt_uitnodiging(
    world, beheer, django_capture_on_commit_callbacks
):
    """[issue 14] No password typed by the beheerder: an unusable one and a Dutch invitation mail."""
    with django_capture_on_commit_callbacks(execute=True):
        resp = beheer.post(reverse("beheer:gebruiker_nieuw"), _gebruikerdata(world))
    assert resp.status_code == 302
    nina = Gebruiker.objects.get(username="nina")
    assert not nina.has_usable_password() and not nina.is_staff and not nina.is_superuser
    rol = Rol.objects.get(gebruiker=nina)
    assert (rol.soort, rol.swv, rol.school) == (RolSoort.IB, world.swv, world.school)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@testvallei.example"]
    assert "stel uw wachtwoord in" in mail.outbox[0].subject.lower()
    link = re.search(r"http\S+/account/wachtwoord/nieuw/\S+/", mail.outbox[0].body).group(0)
    # The link works: the password page of Django's reset flow opens for Nina.
    beheer.logout()
    resp = beheer.get(link.split("8000", 1)[-1], follow=True)
    assert resp.status_code == 200 and b"new_password1" in resp.content
    acties = set(
        AuditRegel.objects.filter(swv=world.swv, actie=AuditActie.AANGEMAAKT).values_list(
            "object_id", flat=True
        )
    )
    assert {str(nina.pk), str(rol.pk)} <= acties


def test_rolregels_staan_bij_het_veld_en_invoer_blijft(world, beheer):
    resp = beheer.post(reverse("beheer:gebruiker_nieuw"), _gebruikerdata(world, **{"rol-school": ""}))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Deze rol hoort bij een school: kies de school." in html
    assert 'value="Nina"' in html and 'value="nina@testvallei.example"' in html
    assert not Gebruiker.objects.filter(username="nina").exists()


def test_bestaande_gebruikersnaam_wordt_geweigerd(world, beheer):
    resp = beheer.post(reverse("beheer:gebruiker_nieuw"), _gebruikerdata(world, username="ib_b"))
    assert resp.status_code == 200
    assert "Deze gebruikersnaam is al in gebruik." in resp.content.decode()


def test_geen_superuser_of_staffvelden_in_de_formulieren(world, beheer):
    html = beheer.get(reverse("beheer:gebruiker_nieuw")).content.decode()
    html += beheer.get(reverse("beheer:gebruiker_wijzigen", args=[world.users["ib"].pk])).content.decode()
    for veld in ("is_superuser", "is_staff", "user_permissions", "groups", "password"):
        assert f'name="{veld}"' not in html
    # Tried anyway: nothing of it is saved.
    ib = world.users["ib"]
    beheer.post(
        reverse("beheer:gebruiker_wijzigen", args=[ib.pk]),
        {
            "first_name": "Ilse",
            "last_name": "B",
            "email": "ib@x.example",
            "username": "ib",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    ib.refresh_from_db()
    assert not ib.is_superuser and not ib.is_staff and ib.last_name == "B"


def test_rol_beeindigen_wordt_gelogd_als_ingetrokken(world, beheer):
    rol = Rol.objects.get(gebruiker=world.users["ib"])
    resp = beheer.post(
        reverse("beheer:rol_wijzigen", args=[rol.gebruiker_id, rol.pk]),
        {"soort": RolSoort.IB, "school": world.school.pk},  # actief unchecked
    )
    assert resp.status_code == 302
    rol.refresh_from_db()
    assert not rol.actief
    regel = AuditRegel.objects.get(actie=AuditActie.INGETROKKEN, object_id=str(rol.pk))
    assert regel.swv == world.swv and "rol beëindigd" in regel.omschrijving
    # The beheerder finds it in the existing audit page.
    assert "rol beëindigd" in beheer.get(reverse("audit_zoeken")).content.decode()


def test_gebruiker_uitzetten(world, beheer):
    ib = world.users["ib"]
    resp = beheer.post(
        reverse("beheer:gebruiker_wijzigen", args=[ib.pk]),
        {"first_name": "Ilse", "last_name": "Bouw", "email": "ib@x.example", "username": "ib"},
    )
    assert resp.status_code == 302
    ib.refresh_from_db()
    assert not ib.is_active
    assert AuditRegel.objects.filter(
        actie=AuditActie.INGETROKKEN, object_id=str(ib.pk), swv=world.swv
    ).exists()


def test_beheerder_zet_zichzelf_niet_uit(world, beheer):
    me = world.users["beheer"]
    resp = beheer.post(
        reverse("beheer:gebruiker_wijzigen", args=[me.pk]),
        {"first_name": "B", "last_name": "H", "email": "b@x.example", "username": "beheer"},
    )
    assert resp.status_code == 200
    assert "U kunt uw eigen account niet uitzetten." in resp.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_laatste_beheerderrol_blijft(world, beheer):
    me = world.users["beheer"]
    rol = Rol.objects.get(gebruiker=me, soort=RolSoort.BEHEERDER)
    resp = beheer.post(reverse("beheer:rol_wijzigen", args=[me.pk, rol.pk]), {"soort": RolSoort.BEHEERDER})
    assert resp.status_code == 200
    assert "laatste actieve beheerder" in resp.content.decode()
    rol.refresh_from_db()
    assert rol.actief
    # With a second beheerder it may go.
    tweede = GebruikerFactory(username="beheer2")
    maak_rol(tweede, RolSoort.BEHEERDER, swv=world.swv)
    resp = beheer.post(reverse("beheer:rol_wijzigen", args=[me.pk, rol.pk]), {"soort": RolSoort.BEHEERDER})
    assert resp.status_code == 302
    rol.refresh_from_db()
    assert not rol.actief


def test_gebruiker_die_ook_elders_werkt_is_alleen_lezen(world, beheer):
    """Name and e-mail of a user with a role in SWV B stay as they are; his SWV A roles are managed."""
    dubbel = world.ib_b
    maak_rol(dubbel, RolSoort.LEERKRACHT, swv=world.swv, school=world.school, groepen="3")
    url = reverse("beheer:gebruiker_wijzigen", args=[dubbel.pk])
    html = beheer.get(url).content.decode()
    assert "werkt ook voor een ander samenwerkingsverband" in html
    assert "OBS Ver Weg" not in html  # his SWV B role is not shown
    beheer.post(url, {"first_name": "X", "last_name": "Y", "email": "x@y.example", "username": "anders"})
    dubbel.refresh_from_db()
    assert dubbel.username == "ib_b" and dubbel.first_name != "X"


def test_deskundigenpool_per_discipline(world, beheer):
    psy = GebruikerFactory(username="psy", first_name="Pim", last_name="Psycholoog")
    maak_rol(psy, RolSoort.DESKUNDIGE, swv=world.swv, discipline="psycholoog")
    elders = GebruikerFactory(username="psy_b", first_name="Bert", last_name="Buitenswv")
    maak_rol(elders, RolSoort.DESKUNDIGE, swv=world.swv_b, discipline="psycholoog")
    html = beheer.get(reverse("beheer:deskundigen"), {"discipline": "psycholoog"}).content.decode()
    assert "Pim Psycholoog" in html and "Buitenswv" not in html
    assert "orthopedagoog" not in html.split("<tbody>")[1]


def test_lijsten_in_een_vast_aantal_queries(world, beheer, django_assert_max_num_queries):
    for i in range(15):
        u = GebruikerFactory(username=f"extra{i}")
        maak_rol(u, RolSoort.IB, swv=world.swv, school=SchoolFactory(swv=world.swv))
        maak_rol(u, RolSoort.DESKUNDIGE, swv=world.swv, discipline="arts")
    for naam in ("beheer:gebruikers", "beheer:scholen", "beheer:deskundigen", "beheer:besturen"):
        with django_assert_max_num_queries(12):
            assert beheer.get(reverse(naam)).status_code == 200


def test_menu_toont_beheer_alleen_aan_de_beheerder(world, client):
    client.force_login(world.users["beheer"])
    assert reverse("beheer:overzicht") in client.get(reverse("home")).content.decode()
    client.force_login(world.users["sll"])
    assert reverse("beheer:overzicht") not in client.get(reverse("home")).content.decode()


def test_demobeheerder_beheert_zijn_swv_in_de_productpaginas(client):
    """[issue 14] The demo's beheer has the Dutch pages, not the admin (no is_staff, no permissions)."""
    from cases import demo

    w = demo.bouw_organisaties()
    demo.bouw_gebruikers(w)
    beheer = w.gebruikers["beheer"]
    assert not beheer.is_staff and not beheer.user_permissions.exists()
    client.force_login(beheer)
    assert demo.DEMO_SCHOOL in client.get(reverse("beheer:scholen")).content.decode()
    assert "Dorien Eskes" in client.get(reverse("beheer:deskundigen")).content.decode()
    assert client.get(reverse("admin:index")).status_code == 302
