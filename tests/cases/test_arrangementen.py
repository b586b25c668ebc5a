"""Arrangementen: maximum durations (boundaries), plan van aanpak, budget per regio, and the SC's
view of her regio [002 bijlage 2.4.1; domain §9, §11]."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.interventie.models.arrangementen import Arrangement, ArrangementSoort
from cases.interventie.services import arrangementen as svc
from tests.factories import LeerlingFactory
from tests.factories.interventie import ArrangementFactory

PLAN = dict(
    doel="In beeld brengen wat de leerling nodig heeft om terug te keren.",
    ondersteuningsbehoefte="Voorspelbaarheid, korte instructies, een vaste begeleider.",
    communicatieafspraken="Elke vrijdag contact tussen beide scholen en de ouders.",
)


def _maak(world, soort, start, einde, *, door="sc", school=None, uitvoerend="school2", **extra):
    leerling = extra.pop("leerling", None) or LeerlingFactory(swv=world.swv, school=school or world.school)
    return svc.maak_arrangement(
        leerling=leerling,
        soort=soort,
        start=start,
        einde=einde,
        door=world.users[door],
        uitvoerende_school=getattr(world, uitvoerend) if uitvoerend else None,
        **{**PLAN, **extra},
    )


@pytest.mark.parametrize(
    "soort,start,laatste_toegestaan",
    [
        # 3 months from Tue 3 Feb 2026: up to and including Sat 2 May 2026 (the day before 3 May).
        (ArrangementSoort.TIME_OUT, date(2026, 2, 3), date(2026, 5, 2)),
        (ArrangementSoort.OBSERVATIE, date(2026, 2, 3), date(2026, 5, 2)),
        # Month-end: 30 Nov + 3 months = 28 Feb 2027 (no 30 Feb) → last day 27 Feb 2027.
        (ArrangementSoort.OBSERVATIE, date(2026, 11, 30), date(2027, 2, 27)),
        # 6 weeks from Mon 16 Feb 2026: 42 days, last day Sun 29 Mar 2026.
        (ArrangementSoort.ONDERZOEKSPERIODE, date(2026, 2, 16), date(2026, 3, 29)),
        # Ending on Koningsdag or a Sunday: a maximum is not a term and is never moved.
        (ArrangementSoort.TIME_OUT, date(2026, 1, 28), date(2026, 4, 27)),
    ],
    ids=[
        "2.4.1-time-out",
        "2.4.1-observatie",
        "2.4.1-maandeinde",
        "2.4.1-onderzoeksperiode-6-weken",
        "domain11-maximum-niet-atw",
    ],
)
def test_maximale_duur_grens(world, soort, start, laatste_toegestaan):
    """[002 bijlage 2.4.1; domain §11] the last allowed day is accepted, the day after is refused."""
    arr = _maak(world, soort, start, laatste_toegestaan)
    assert arr.max_einde == laatste_toegestaan
    with pytest.raises(ValidationError) as exc:
        _maak(world, soort, start, date.fromordinal(laatste_toegestaan.toordinal() + 1))
    tekst = exc.value.message_dict["einde"][0]
    assert "uiterlijk t/m" in tekst
    assert "[002 bijlage 2.4.1]" in tekst


def test_langdurige_observatie_is_langer_dan_drie_maanden(world):
    """[002 bijlage 2.4.1] "langdurige observatie (langer dan 3 maanden)"."""
    with pytest.raises(ValidationError, match="langer dan 3 maanden"):
        _maak(world, ArrangementSoort.LANGDURIGE_OBSERVATIE, date(2026, 2, 3), date(2026, 5, 2))
    arr = _maak(world, ArrangementSoort.LANGDURIGE_OBSERVATIE, date(2026, 2, 3), date(2026, 5, 3))
    assert arr.max_einde is None
    assert "ingeschreven op de nieuwe school" in arr.inschrijving_uitleg


def test_hoogbegaafd_circa_schooljaar_is_richtduur(world):
    """[002 bijlage 2.4.1] "circa 1 schooljaar": a guide that is warned about, not refused."""
    arr = _maak(world, ArrangementSoort.HOOGBEGAAFD, date(2026, 8, 31), date(2027, 9, 30))
    assert arr.max_einde is None
    assert arr.waarschuwing(date(2027, 8, 15)) == ""  # 15 days before
    assert "richtduur" in arr.waarschuwing(date(2027, 8, 20))  # 10 days before 30 Aug 2027
    assert "ingeschreven op de nieuwe school" in arr.inschrijving_uitleg


def test_korte_plaatsing_blijft_ingeschreven_bij_verwijzer_domain9(world):
    """[domain §9] up to 3 months: enrolled at, and the responsibility of, the referring bestuur."""
    arr = _maak(world, ArrangementSoort.TIME_OUT, date(2026, 2, 3), date(2026, 3, 3))
    assert arr.verantwoordelijk_bestuur == world.school.bestuur
    assert arr.regio == world.regio
    assert "blijft ingeschreven" in arr.inschrijving_uitleg
    arr.leerling.refresh_from_db()
    assert arr.leerling.huidige_school == world.school


@pytest.mark.parametrize(
    "vandaag,verwacht",
    [
        (date(2026, 4, 17), ""),  # 15 days before the maximum: no warning yet
        (date(2026, 4, 18), "Over 14 dagen"),
        (date(2026, 5, 2), "Over 0 dagen"),  # the last allowed day
    ],
)
def test_waarschuwing_voor_het_maximum(world, vandaag, verwacht):
    arr = ArrangementFactory(
        leerling=LeerlingFactory(swv=world.swv, school=world.school),
        soort=ArrangementSoort.TIME_OUT,
        start=date(2026, 2, 3),
        einde=date(2026, 5, 2),
        uitvoerende_school=world.school2,
    )
    w = arr.waarschuwing(vandaag)
    assert (w == "") if not verwacht else w.startswith(verwacht)
    if verwacht:
        assert "za 2 mei 2026" in w


def test_verlengen_voorbij_maximum_geweigerd(world):
    arr = _maak(world, ArrangementSoort.OBSERVATIE, date(2026, 2, 3), date(2026, 3, 31))
    assert svc.wijzig_einde(arrangement=arr, einde=date(2026, 5, 2), door=world.users["sc"]).einde == date(
        2026, 5, 2
    )
    with pytest.raises(ValidationError, match="maximaal 3 maanden"):
        svc.wijzig_einde(arrangement=arr, einde=date(2026, 5, 3), door=world.users["sc"])
    arr.refresh_from_db()
    assert arr.einde == date(2026, 5, 2)


@pytest.mark.parametrize("veld", ["doel", "ondersteuningsbehoefte", "communicatieafspraken"])
def test_plan_van_aanpak_verplicht(world, veld):
    """[002 bijlage 2.4.1] every placement elsewhere has a plan van aanpak."""
    with pytest.raises(ValidationError) as exc:
        _maak(world, ArrangementSoort.TIME_OUT, date(2026, 2, 3), date(2026, 3, 3), **{veld: ""})
    assert veld in exc.value.message_dict


def test_bedrag_alleen_bij_hgo_middelen(world):
    with pytest.raises(ValidationError) as exc:
        _maak(world, ArrangementSoort.HGO_MIDDELEN, date(2026, 2, 3), date(2026, 7, 10), uitvoerend=None)
    assert "bedrag" in exc.value.message_dict
    with pytest.raises(ValidationError):
        _maak(world, ArrangementSoort.TIME_OUT, date(2026, 2, 3), date(2026, 3, 3), bedrag=Decimal("100"))
    arr = _maak(
        world,
        ArrangementSoort.HGO_MIDDELEN,
        date(2026, 2, 3),
        date(2026, 7, 10),
        uitvoerend="school2",
        bedrag=Decimal("4500.00"),
    )
    assert arr.uitvoerende_school is None  # HGO runs at the pupil's own school


def test_sc_alleen_in_eigen_regio(world):
    leerling = LeerlingFactory(swv=world.swv, school=world.school2)  # regio 2
    with pytest.raises(PermissionDenied):
        _maak(
            world,
            ArrangementSoort.TIME_OUT,
            date(2026, 2, 3),
            date(2026, 3, 3),
            leerling=leerling,
            uitvoerend=None,
        )
    with pytest.raises(PermissionDenied):
        _maak(world, ArrangementSoort.TIME_OUT, date(2026, 2, 3), date(2026, 3, 3), door="ib")


def test_budget_per_regio_en_besteed(world):
    svc.stel_budget_in(regio=world.regio, jaar=2026, bedrag=Decimal("10000"), door=world.users["bestuurder"])
    with pytest.raises(PermissionDenied):
        svc.stel_budget_in(regio=world.regio, jaar=2026, bedrag=Decimal("1"), door=world.users["sc"])
    for bedrag in ("4500.00", "6000.00"):
        _maak(
            world,
            ArrangementSoort.HGO_MIDDELEN,
            date(2026, 3, 1),
            date(2026, 7, 10),
            uitvoerend=None,
            bedrag=Decimal(bedrag),
        )
    _maak(
        world,
        ArrangementSoort.HGO_MIDDELEN,
        date(2025, 11, 1),
        date(2026, 2, 1),
        uitvoerend=None,
        bedrag=Decimal("999.00"),
    )  # budget year 2025
    from cases.interventie.selectors import budget_overzicht

    (regel,) = budget_overzicht(world.users["sc"], jaar=2026)
    assert (regel.budget, regel.besteed, regel.aantal) == (Decimal("10000"), Decimal("10500.00"), 2)
    assert regel.overschreden
    assert regel.over == Decimal("-500.00")
    assert regel.tekort == Decimal("500.00")


def test_budgetpagina_toont_bedragen_in_euro_notatie_en_een_tekort_positief(world, client):
    """The budget table reads as an SLL expects: € 10.000,00 with thousands separators, and an
    exceeded budget as "overschreden met € 500,00" (not a negative remainder)."""
    svc.stel_budget_in(regio=world.regio, jaar=2026, bedrag=Decimal("10000"), door=world.users["bestuurder"])
    _maak(
        world,
        ArrangementSoort.HGO_MIDDELEN,
        date(2026, 3, 1),
        date(2026, 7, 10),
        uitvoerend=None,
        bedrag=Decimal("10500.00"),
    )
    client.force_login(world.users["sll"])
    html = client.get(reverse("arrangement_budget") + "?jaar=2026").content.decode()
    assert "€ 10.000,00" in html
    assert "€ 10.500,00" in html
    assert "overschreden met € 500,00" in html
    assert "-500" not in html


@time_machine.travel(date(2026, 4, 20))
def test_sc_ziet_arrangementen_en_budget_van_haar_regio(world, login, django_assert_max_num_queries):
    """[issue 7] the SC sees her regio's arrangementen and the budget used, in constant queries."""
    svc.stel_budget_in(regio=world.regio, jaar=2026, bedrag=Decimal("8000"), door=world.users["sll"])
    for i in range(3):
        ArrangementFactory(
            leerling=LeerlingFactory(swv=world.swv, school=world.school),
            soort=ArrangementSoort.HGO_MIDDELEN,
            bedrag=Decimal("1000"),
            start=date(2026, 3, i + 1),
        )
    ander = ArrangementFactory(
        leerling=LeerlingFactory(swv=world.swv, school=world.school2), uitvoerende_school=world.school
    )
    client = login(world.users["sc"])
    client.get("/arrangementen/?jaar=2026")  # warm the per-process caches (content types, nav)
    with django_assert_max_num_queries(12) as ctx:
        html = client.get("/arrangementen/?jaar=2026").content.decode()
    n = len(ctx.captured_queries)
    for _ in range(5):
        ArrangementFactory(
            leerling=LeerlingFactory(swv=world.swv, school=world.school),
            soort=ArrangementSoort.HGO_MIDDELEN,
            bedrag=Decimal("500"),
            start=date(2026, 3, 10),
        )
    with django_assert_max_num_queries(n):
        html = client.get("/arrangementen/?jaar=2026").content.decode()
    assert "€ 8.000,00" in html
    assert "€ 5.500,00" in html
    assert ander.leerling.volledige_naam not in html  # another regio's pupil
    assert Arrangement.objects.filter_for_user(world.users["sc"]).count() == 8


def test_arrangement_vanuit_interventietraject(world, login):
    """From the traject page the SC records an arrangement linked to the traject, plan van aanpak included."""
    from django.urls import reverse

    from tests.factories.interventie import traject_in

    t = traject_in(world, team=True, status="lopend")
    client = login(world.users["sc"])
    assert "?traject=" in client.get(reverse("interventie_detail", args=[t.pk])).content.decode()
    resp = client.get(reverse("arrangement_nieuw") + f"?traject={t.pk}")
    assert f'<option value="{t.leerling_id}" selected>' in resp.content.decode()
    resp = client.post(
        reverse("arrangement_nieuw"),
        {
            "leerling": t.leerling_id,
            "traject": t.pk,
            "soort": "time_out",
            "uitvoerende_school": world.school2.pk,
            "start": "2026-02-23",
            "einde": "2026-05-23",
            **PLAN,
        },
    )
    assert resp.status_code == 200  # 23 May is beyond the 3 months: refused, input kept
    html = resp.content.decode()
    assert "uiterlijk t/m vr 22 mei 2026" in html
    assert PLAN["communicatieafspraken"] in html
    resp = client.post(
        reverse("arrangement_nieuw"),
        {
            "leerling": t.leerling_id,
            "traject": t.pk,
            "soort": "time_out",
            "uitvoerende_school": world.school2.pk,
            "start": "2026-02-23",
            "einde": "2026-05-22",
            **PLAN,
        },
    )
    arr = Arrangement.objects.get()
    assert resp["Location"] == reverse("arrangement_detail", args=[arr.pk])
    assert arr.traject == t
