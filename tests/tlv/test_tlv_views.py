"""The TLV pages as users meet them: worklists with a constant number of queries, the school's
status-only view, Dutch refusals, forms that keep what was typed, exports."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories.tlv import concept, naar
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import Status, TLVAanvraag

pytestmark = pytest.mark.django_db


def _aanvragen(world, n, *, besloten=False):
    for _ in range(n):
        if besloten:
            a = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 3, 10))
            services.onderteken(
                aanvraag=a,
                door=world.users["bestuurder"],
                wachtwoord="demo",
                op=date(2026, 4, 16),
                code=code_voor(world.users["bestuurder"]),
            )
        else:
            naar(world, concept(world, compleet=False), Status.INGEDIEND, ontvangen_op=date(2026, 3, 10))


@pytest.mark.parametrize("url", ["tlv:lijst", "tlv:herindicaties", "tlv:doorlooptijden"])
def test_lijsten_constant_aantal_queries(world, client, django_assert_max_num_queries, url):
    """[conventions 'List pages'] the same number of queries for 2 and for 8 rows (decided
    aanvragen with TLV's, opschortingen and overgangen for the overviews)."""
    import time_machine

    client.force_login(world.users["sll"])
    besloten = url != "tlv:lijst"
    _aanvragen(world, 2, besloten=besloten)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Doorlooptijden over all years: the decisions of 16 April 2026 lie in the previous school year.
    pad = reverse(url) + ("?schooljaar=alle" if url == "tlv:doorlooptijden" else "")
    with time_machine.travel(date(2026, 9, 1), tick=False):
        with CaptureQueriesContext(connection) as weinig:
            resp = client.get(pad)
            assert resp.status_code == 200
        _aanvragen(world, 6, besloten=besloten)
        with django_assert_max_num_queries(len(weinig.captured_queries)):
            resp = client.get(pad)
            assert resp.status_code == 200
    html = resp.content.decode()
    assert html.count("TLV-2026-") == (8 if url == "tlv:herindicaties" else 0)
    if url == "tlv:doorlooptijden":
        assert "<strong>8</strong> besluiten" in html


def test_sll_werklijst_toont_termijn_en_filtert(world, client):
    aanvraag = naar(world, concept(world, compleet=False), Status.INGEDIEND, ontvangen_op=date(2026, 3, 10))
    client.force_login(world.users["sll"])
    html = client.get(reverse("tlv:lijst")).content.decode()
    assert f"#{aanvraag.pk}" in html
    assert "wo 6 mei 2026" in html
    html = client.get(reverse("tlv:lijst") + f"?status=afgegeven&regio={world.regio2.pk}").content.decode()
    assert f"#{aanvraag.pk}" not in html


def test_sc_ziet_alleen_haar_regio(world, client):
    from tests.factories.tlv import leerling_met_ouders

    eigen = concept(world, compleet=False)
    ander = services.maak_aanvraag(
        door=world.ib_a2, leerling=leerling_met_ouders(world, school=world.school2)
    )
    assert list(TLVAanvraag.objects.filter_for_user(world.users["sc"])) == [eigen]
    client.force_login(world.users["sc"])
    assert client.get(reverse("tlv:detail", args=[ander.pk])).status_code == 404
    client.force_login(world.users["sll"])
    assert set(TLVAanvraag.objects.filter_for_user(world.users["sll"])) == {eigen, ander}


def test_school_ziet_status_niet_de_adviezen(world, client):
    """[002 bijlage 3.11.1] the school follows the status; the deskundigen' adviezen are not for it."""
    aanvraag = naar(world, concept(world), Status.EINDADVIES)
    client.force_login(world.users["ib"])
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "eindadvies" in html.lower()
    assert "Heeft een kleine groep en nabijheid nodig." not in html
    client.force_login(world.users["tla"])
    assert (
        "Heeft een kleine groep en nabijheid nodig."
        in client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    )


def test_weigering_in_het_nederlands_op_de_pagina(world, client):
    """[issue 5] every refused transition tells the user which condition failed, in Dutch."""
    aanvraag = concept(world, ouders_ondertekend_op=None)
    client.force_login(world.users["directeur"])
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "Deze stap kan nog niet" in html
    assert "Ouders hebben de aanvraag ondertekend" in html
    resp = client.post(reverse("tlv:stap", args=[aanvraag.pk, "indienen"]), follow=True)
    assert "Niet voldaan: Ouders hebben de aanvraag ondertekend" in resp.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.CONCEPT


def test_formulier_met_fout_houdt_invoer(world, client):
    """Bad input: a clear Dutch message, nothing the user typed is lost."""
    aanvraag = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=date(2026, 3, 10))
    client.force_login(world.users["sll"])
    resp = client.post(
        reverse("tlv:stap", args=[aanvraag.pk, "informatie_vragen"]),
        {"ontbreekt": "Mijn lange uitleg over de LVS-gegevens", "antwoord_uiterlijk": "2020-01-01"},
    )
    html = resp.content.decode()
    assert resp.status_code == 400
    assert "Mijn lange uitleg over de LVS-gegevens" in html
    assert "redelijke termijn" in html


def test_ib_start_en_directeur_dient_in_via_paginas(world, client):
    from tests.factories.tlv import compleet_dossier, leerling_met_ouders

    leerling = leerling_met_ouders(world)
    compleet_dossier(leerling, world.users["ib"])
    client.force_login(world.users["ib"])
    resp = client.post(
        reverse("tlv:nieuw"),
        {
            "leerling": leerling.pk,
            "soort": "zij_instroom",
            "gevraagde_schoolsoort": "so",
            "groep": 4,
            "onderwijsbehoeften": "Kleine groep.",
            "zienswijze_ouders": "Eens.",
            "ouders_ondertekend_op": "2026-03-02",
            "bestuur_geinformeerd": "on",
        },
    )
    aanvraag = TLVAanvraag.objects.get(leerling=leerling)
    assert resp.status_code == 302
    assert aanvraag.status == Status.CONCEPT
    client.force_login(world.users["directeur"])
    client.post(reverse("tlv:stap", args=[aanvraag.pk, "indienen"]))
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND


def test_bestuurder_ondertekent_via_pagina_met_wachtwoord(world, client):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    client.force_login(world.users["bestuurder"])
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "Besluit ondertekenen" in html
    assert "Heeft een kleine groep en nabijheid nodig." in html
    assert "Dossier compleet?" in html
    assert "Hoe is de beslistermijn berekend?" in html
    resp = client.post(
        reverse("tlv:stap", args=[aanvraag.pk, "ondertekenen"]), {"wachtwoord": "fout", "code": "000000"}
    )
    assert resp.status_code == 400
    assert "wachtwoord klopt niet" in resp.content.decode()
    b = world.users["bestuurder"]
    client.post(
        reverse("tlv:stap", args=[aanvraag.pk, "ondertekenen"]), {"wachtwoord": "demo", "code": code_voor(b)}
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.AFGEGEVEN
    resp = client.post(
        reverse("tlv:stap", args=[aanvraag.pk, "ondertekenen"]),
        {"wachtwoord": "demo", "code": code_voor(b)},
        follow=True,
    )
    assert "niet mogelijk" in resp.content.decode()


def test_doorlooptijden_export_csv_en_xlsx(world, client):
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 3, 10))
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    client.force_login(world.users["sll"])
    pad = reverse("tlv:doorlooptijden") + "?schooljaar=2025"
    csv = client.get(pad + "&formaat=csv")
    tekst = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv")
    assert f"#{aanvraag.pk};" in tekst
    assert ";37;37;ja" in tekst
    xlsx = client.get(pad + "&formaat=xlsx")
    assert xlsx.content[:2] == b"PK"
    html = client.get(pad).content.decode()
    assert "100%" in html


def _besluit_op(world, dag: date) -> TLVAanvraag:
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=dag - timedelta(days=30))
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=dag,
        code=code_voor(world.users["bestuurder"]),
    )
    return aanvraag


def test_doorlooptijden_standaard_het_lopende_schooljaar(world, client):
    """The overview opens on the current school year, 1 August to 31 July (the period an SWV
    reports over); a decision of 31 July belongs to the previous year, one of 1 August to this one.
    Another school year, all years, or an own period can be chosen; the export follows the choice."""
    import time_machine

    juli = _besluit_op(world, date(2026, 7, 31))
    augustus = _besluit_op(world, date(2026, 8, 3))
    client.force_login(world.users["sll"])
    with time_machine.travel(date(2026, 11, 26), tick=False):

        def aanvragen(query: str = "") -> set[int]:
            antwoord = client.get(reverse("tlv:doorlooptijden") + query + "&formaat=csv")
            tekst = antwoord.content.decode("utf-8-sig")
            return {a.pk for a in (juli, augustus) if f"#{a.pk};" in tekst}

        html = client.get(reverse("tlv:doorlooptijden")).content.decode()
        assert "1 augustus 2026 tot en met 31 juli 2027" in html
        assert "(schooljaar 2026-2027)" in html
        assert f"#{augustus.pk}<" in html
        assert f"#{juli.pk}<" not in html
        assert aanvragen("?") == {augustus.pk}
        assert aanvragen("?schooljaar=2025") == {juli.pk}
        assert aanvragen("?schooljaar=alle") == {juli.pk, augustus.pk}
        # An own period goes before the school year.
        assert aanvragen("?schooljaar=2026&van=2026-07-01&tot=2026-07-31") == {juli.pk}
        # A school year in the future or nonsense: the page falls back to the current one and says
        # so; the export refuses (400) rather than silently export another period [issue 13].
        for onzin in ("2031", "x"):
            html = client.get(reverse("tlv:doorlooptijden") + f"?schooljaar={onzin}").content.decode()
            assert "(schooljaar 2026-2027)" in html and "Het schooljaar in de link is onbekend" in html
            antwoord = client.get(reverse("tlv:doorlooptijden") + f"?schooljaar={onzin}&formaat=csv")
            assert antwoord.status_code == 400
    # On 31 July 2027 it is still school year 2026-2027; on 1 August 2027 the new one starts.
    with time_machine.travel(date(2027, 7, 31), tick=False):
        client.force_login(world.users["sll"])  # the session of November has expired
        assert "(schooljaar 2026-2027)" in client.get(reverse("tlv:doorlooptijden")).content.decode()
    with time_machine.travel(date(2027, 8, 1), tick=False):
        client.force_login(world.users["sll"])
        html = client.get(reverse("tlv:doorlooptijden")).content.decode()
        assert "(schooljaar 2027-2028)" in html
        assert "nog geen besluiten" in html


def test_herindicatielijst(world, client):
    """[002 §1.21; scenarios §7] a TLV ending on 31 July appears with the date to request by."""
    import time_machine

    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 3, 10))
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    client.force_login(world.users["sll"])
    with time_machine.travel(date(2026, 9, 1), tick=False):
        html = client.get(reverse("tlv:herindicaties")).content.decode()
    assert aanvraag.tlv.kenmerk in html
    assert "za 5 jun 2027" in html


def test_mijn_werk_paneel(world, client):
    naar(world, concept(world, compleet=False), Status.INGEDIEND, ontvangen_op=date(2026, 3, 10))
    client.force_login(world.users["sll"])
    html = client.get(reverse("home")).content.decode()
    assert "1 aanvraag voor de formele check" in html


def test_tla_kan_niet_adviseren_informatie_binnen_twee_werkdagen(world, client):
    """[002 §1.9] 'De opvraag zal binnen 2 werkdagen gedaan worden': meeting Fri 2026-02-27 →
    request by Tue 2026-03-03."""
    aanvraag = naar(world, concept(world), Status.EINDADVIES, strekkingen=("so", "regulier"))
    eerste = aanvraag.toewijzing(1).deskundige
    services.schrijf_eindadvies(
        aanvraag=aanvraag,
        door=eerste,
        besluit="afgeven",
        gemotiveerd_besluit="X",
        doelen="Y",
        schoolsoort="so",
        periode="4-5",
        categorie="laag",
    )
    services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
    vergadering = services.plan_vergadering(
        door=world.users["tla"], swv=world.swv, datum=date(2026, 2, 27), schooljaar="2025-2026"
    )
    services.agendeer(aanvraag=aanvraag, door=world.users["tla"], vergadering=vergadering)
    client.force_login(world.users["sll"])
    html = client.get(reverse("tlv:detail", args=[aanvraag.pk])).content.decode()
    assert "uiterlijk di 3 mrt 2026" in html


def test_tijdlijn_toont_aanvraag_en_besluit(world, client):
    """[issue 3 'timeline'] the TLV appears on the pupil's dossier timeline (checklist step 10)."""
    from tlv.navigatie import tlv_tijdlijn

    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 3, 10))
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    items = tlv_tijdlijn([aanvraag.leerling_id], user=world.users["ib"])
    assert [(i.datum, i.titel, i.stap) for i in items] == [
        (date(2026, 3, 10), "TLV-aanvraag ontvangen", 10),
        (date(2026, 4, 16), "Besluit TLV: TLV afgegeven", None),
    ]
    assert tlv_tijdlijn([aanvraag.leerling_id], user=world.users["leerkracht"]) == []
    client.force_login(world.users["ib"])
    assert (
        "TLV-aanvraag ontvangen"
        in client.get(reverse("dossier", args=[aanvraag.leerling_id])).content.decode()
    )
