"""Doorlooptijden per stage [002 §1.9 'De secretaresse leerlingenzaken registreert doorlooptijd';
issue 16.7]: from receipt over the recorded steps to the decision, never negative, adding up to the
total, also over the whole demo."""

import io
from datetime import date

import pytest
from django.urls import reverse

from tlv.fasen import FASEN, dagen_per_fase

D = date


def test_fasen_uit_de_stappen_tellen_op_tot_het_totaal():
    """[issue 16.7] A history with an information request: each stage from one step to the next."""
    stappen = [
        ("concept", "ingediend", D(2026, 1, 5)),  # signed the day before receipt: start is receipt
        ("ingediend", "aangehouden", D(2026, 1, 19)),
        ("aangehouden", "ingediend", D(2026, 1, 30)),
        ("ingediend", "inhoudelijke_check", D(2026, 2, 2)),
        ("inhoudelijke_check", "deskundigen_toewijzen", D(2026, 2, 5)),
        ("deskundigen_toewijzen", "adviezen", D(2026, 2, 6)),
        ("adviezen", "eindadvies", D(2026, 2, 13)),
        ("eindadvies", "ter_ondertekening", D(2026, 2, 17)),
        ("ter_ondertekening", "afgegeven", D(2026, 3, 12)),
        ("afgegeven", "in_bezwaar", D(2026, 4, 17)),  # after the decision: not a stage
    ]
    fasen = dagen_per_fase(stappen, D(2026, 1, 6), D(2026, 3, 12))
    assert fasen["formele check"] == 13 + 3
    assert fasen["aangehouden"] == 11
    assert fasen["inhoudelijke check"] == 3
    assert fasen["adviezen"] == 7
    assert fasen["ter ondertekening"] == 23
    assert sum(fasen.values()) == (D(2026, 3, 12) - D(2026, 1, 6)).days
    assert list(fasen) == [n for n, _ in FASEN]


def test_stap_met_verkeerde_dag_wordt_nooit_negatief():
    """[issue 16.7] The demo's old histories: middle steps dated on the day the demo was built
    (after the decision) gave −265 days 'ter ondertekening'. Stages are clamped to receipt–decision
    and never run back in time."""
    stappen = [
        ("concept", "ingediend", D(2026, 3, 10)),
        ("ingediend", "inhoudelijke_check", D(2026, 12, 3)),  # after the decision
        ("inhoudelijke_check", "deskundigen_toewijzen", D(2026, 3, 1)),  # before receipt
        ("deskundigen_toewijzen", "adviezen", D(2026, 12, 3)),
        ("adviezen", "eindadvies", D(2026, 12, 3)),
        ("eindadvies", "ter_ondertekening", D(2026, 12, 3)),
        ("ter_ondertekening", "afgegeven", D(2026, 4, 16)),
    ]
    fasen = dagen_per_fase(stappen, D(2026, 3, 10), D(2026, 4, 16))
    assert min(fasen.values()) >= 0
    assert sum(fasen.values()) == 37


def test_zonder_besluitstap_loopt_laatste_fase_tot_besluit():
    """[issue 16.7] No decision step recorded (older data): the last stage runs to the decision."""
    stappen = [("concept", "ingediend", D(2026, 3, 10)), ("ingediend", "inhoudelijke_check", D(2026, 3, 12))]
    fasen = dagen_per_fase(stappen, D(2026, 3, 10), D(2026, 3, 20))
    assert (fasen["formele check"], fasen["inhoudelijke check"]) == (2, 8)
    assert dagen_per_fase([], D(2026, 3, 10), D(2026, 3, 20))["formele check"] == 10


@pytest.mark.django_db
def test_demo_elke_aanvraag_telt_op_en_geen_fase_negatief(client):
    """[issue 16.7 'as sll, the doorlooptijden of every demo aanvraag add up and none is negative']
    The whole demo, as demo_data builds it; and its recorded steps lie in order between receipt and
    decision."""
    from cases import demo
    from cases.demo import inhoud as cases_demo
    from cases.models import Gebruiker
    from tlv import demo_inhoud, selectors
    from tlv.models import Overgang, TLVAanvraag
    from tlv.models.keuzes import BESLUITEN

    wereld = demo.bouw_organisaties()
    demo.bouw_gebruikers(wereld)
    cases_demo.bouw(wereld, leerlingen=24, stdout=io.StringIO())
    demo_inhoud.bouw(wereld, leerlingen=24, stdout=io.StringIO())
    sll = Gebruiker.objects.get(username="sll")
    rijen = selectors.doorlooptijden(sll)
    assert len(rijen) >= 2  # Noor and Daan at least
    for r in rijen:
        assert min(r.fasen.values()) >= 0, (r.aanvraag, r.fasen)
        assert sum(r.fasen.values()) == r.bruto, (r.aanvraag, r.fasen)
    # More than one stage has days: the histories are spread over the steps.
    assert all(sum(1 for d in r.fasen.values() if d) >= 4 for r in rijen)
    for a in TLVAanvraag.objects.filter(besluit_op__isnull=False):
        dagen = []
        for o in Overgang.objects.filter(aanvraag=a).exclude(van="concept").order_by("op", "pk"):
            dagen.append(o.datum)
            if o.naar in BESLUITEN:
                break
        assert dagen == sorted(dagen), a
        assert all(a.ontvangen_op <= d <= a.besluit_op for d in dagen), a
    client.force_login(sll)
    html = client.get(reverse("tlv:doorlooptijden") + "?schooljaar=alle").content.decode()
    assert "Totaal" in html and "tellen daardoor samen op tot het totaal" in html
    assert ">-" not in html
