"""The TLV-aanvraag state machine [002 bijlage 3.11.1, 3.11.2; domain §6]: every forbidden
transition raises TransitionNotAllowed with a Dutch reason; the happy paths; the terms."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm import TransitionNotAllowed

from cases.models import AuditRegel
from cases.workflow import weigerredenen
from tests.factories.tlv import concept, deskundige, leerling_met_ouders, naar
from tests.tweefactor import code_voor
from tlv import services
from tlv.models import Overgang, Status, TLVAanvraag
from tlv.services.basis import stap
from tlv.termijnen import beslistermijn

pytestmark = pytest.mark.django_db

ALLE_STAPPEN = [t.name for t in TLVAanvraag().get_all_status_transitions()]
# (state, the transitions that are allowed from it in the model); everything else must be refused.
TOEGESTAAN = {
    Status.CONCEPT: {"indienen", "intrekken"},
    Status.INGEDIEND: {"formeel_goedkeuren", "aanhouden", "intrekken"},
    Status.INHOUDELIJKE_CHECK: {"inhoudelijk_goedkeuren", "aanhouden", "intrekken"},
    Status.AANGEHOUDEN: {"hervatten", "intrekken"},
    Status.DESKUNDIGEN_TOEWIJZEN: {"deskundigen_toewijzen", "intrekken"},
    Status.ADVIEZEN: {"adviezen_afronden", "intrekken"},
    Status.EINDADVIES: {"naar_voorzitter", "naar_tla_vergadering", "intrekken"},
    Status.TLA_VERGADERING: {"tla_advies_vastleggen", "aanhouden", "intrekken"},
    Status.BIJ_VOORZITTER: {"voorleggen", "intrekken"},
    Status.TER_ONDERTEKENING: {
        "terugsturen_met_vragen",
        "afgeven",
        "niet_toekennen",
        "besluit_aanhouden",
        "intrekken",
    },
    Status.AFGEGEVEN: {"bezwaar_in_behandeling"},
    Status.NIET_TOEGEKEND: {"bezwaar_in_behandeling"},
    Status.BESLUIT_AANGEHOUDEN: {"bezwaar_in_behandeling"},
    Status.INGETROKKEN: set(),
    Status.IN_BEZWAAR: {"beslissen_op_bezwaar"},
    Status.BEZWAAR_BESLIST: set(),
}


def test_elke_status_staat_in_de_tabel():
    assert set(TOEGESTAAN) == set(Status)


@pytest.mark.parametrize(
    ("status", "stap"),
    [(s, t) for s in Status for t in sorted(set(ALLE_STAPPEN)) if t not in TOEGESTAAN[s]],
    ids=lambda v: str(v),
)
def test_verboden_overgang_geeft_transition_not_allowed(world, status, stap):
    """[domain §6 'Flow'] a step that does not start from this state is refused, in Dutch."""
    aanvraag = TLVAanvraag(swv=world.swv, school=world.school, status=status)
    assert weigerredenen(aanvraag, stap) == [
        f"Deze stap is niet mogelijk in de status '{Status(status).label}'."
    ]
    with pytest.raises(TransitionNotAllowed):
        kwargs = {
            "indienen": {"directeur": None, "op": None, "ontvangen_op": None},
            "intrekken": {"reden": "x"},
            "afgeven": {"op": None},
            "niet_toekennen": {"op": None},
            "besluit_aanhouden": {"op": None},
        }
        getattr(aanvraag, stap)(**kwargs.get(stap, {}))


def test_indienen_vraagt_handtekening_ouders_en_bestuur_geinformeerd(world):
    """[002 §1.3] the aanvraag is signed by ouders and directeur; the bestuur is informed."""
    aanvraag = concept(world, ouders_ondertekend_op=None, bestuur_geinformeerd=False)
    with pytest.raises(TransitionNotAllowed) as exc:
        services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 3, 10))
    tekst = str(exc.value)
    assert "Ouders hebben de aanvraag ondertekend" in tekst
    assert "[002 §1.3, §1.13]" in tekst
    assert "schoolbestuur op de hoogte" in tekst
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.CONCEPT


def test_ib_mag_niet_indienen_directeur_wel(world):
    """[domain §2] the IB'er prepares, the directeur signs."""
    aanvraag = concept(world)
    with pytest.raises(TransitionNotAllowed, match="hoort niet bij uw rol"):
        services.dien_in(aanvraag=aanvraag, door=world.users["ib"])
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 3, 10))
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND
    assert aanvraag.ontvangen_op == date(2026, 3, 10)
    assert aanvraag.directeur == world.users["directeur"]
    assert AuditRegel.objects.filter(actie="overgang", object_id=str(aanvraag.pk)).exists()
    assert Overgang.objects.filter(aanvraag=aanvraag, naar=Status.INGEDIEND, datum=date(2026, 3, 10)).exists()


def test_directeur_van_andere_school_mag_niet(world):
    aanvraag = concept(world)
    from tests.factories import GebruikerFactory, RolFactory

    ander = GebruikerFactory(username="directeur_a2")
    RolFactory(gebruiker=ander, soort="directeur", swv=world.swv, school=world.school2)
    with pytest.raises(TransitionNotAllowed, match="hoort niet bij uw rol"):
        services.dien_in(aanvraag=aanvraag, door=ander)


def test_status_is_beschermd(world):
    """FSMField(protected=True): the state changes only through a transition."""
    aanvraag = concept(world)
    with pytest.raises(AttributeError):
        aanvraag.status = Status.AFGEGEVEN


def test_sll_kan_onvolledig_dossier_niet_goedkeuren(world):
    """[002 bijlage 3.11.1] 'TLV-aanvragen die niet aan de criteria voldoen, worden niet in behandeling genomen'."""  # noqa: E501
    aanvraag = concept(world, compleet=False)
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 3, 10))
    with pytest.raises(TransitionNotAllowed) as exc:
        services.keur_formeel_goed(aanvraag=aanvraag, door=world.users["sll"])
    assert "formele onderdelen" in exc.value.redenen[0]


def test_sc_kan_niet_goedkeuren_zonder_oordeel_per_vraag(world):
    """[002 §1.4] the SC judges every question."""
    aanvraag = naar(world, concept(world), Status.INHOUDELIJKE_CHECK)
    services.leg_sc_oordeel_vast(aanvraag=aanvraag, door=world.users["sc"], oordelen={"proces": (True, "")})
    with pytest.raises(TransitionNotAllowed, match="elke vraag van §1.4"):
        services.keur_inhoudelijk_goed(aanvraag=aanvraag, door=world.users["sc"])
    with pytest.raises(ValidationError):
        services.leg_sc_oordeel_vast(
            aanvraag=aanvraag, door=world.users["sc"], oordelen={"bao_bao": (False, "")}
        )


def test_sc_van_andere_regio_mag_niet_oordelen(world):
    aanvraag = naar(world, concept(world), Status.INHOUDELIJKE_CHECK)
    from tests.factories import GebruikerFactory, RolFactory

    sc2 = GebruikerFactory(username="sc_regio2")
    RolFactory(gebruiker=sc2, soort="sc", swv=world.swv, regio=world.regio2)
    with pytest.raises(PermissionDenied):
        services.leg_sc_oordeel_vast(aanvraag=aanvraag, door=sc2, oordelen={"proces": (True, "")})


@time_machine.travel(date(2026, 4, 20), tick=False)
def test_noor_gelukkig_pad_unaniem(world):
    """Scenario Noor [scenarios §1]: received Tue 2026-03-10 → beslistermijn Wed 2026-05-06 (5 mei)."""
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING)
    stand = beslistermijn(aanvraag, vandaag=date(2026, 4, 16))
    assert stand.einde == date(2026, 5, 6)
    assert any("5 mei" in regel for regel in stand.berekening.uitleg)
    handtekening = services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 4, 16),
        code=code_voor(world.users["bestuurder"]),
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.AFGEGEVEN
    assert handtekening.door == world.users["bestuurder"]
    assert aanvraag.tlv.ingangsdatum == date(2026, 5, 1)  # [002 §1.16] next instroommoment
    assert aanvraag.tlv.einddatum == date(2027, 7, 31)  # [002 §1.20] groep 4–5


def test_daan_opschorting_en_gesplitst_advies(world):
    """Scenario Daan [scenarios §2; domain §11]: received 2026-01-06, information requested
    2026-01-19 and received 2026-01-30 (10 days) → Fri 2026-03-13; split advice → TLA-vergadering."""
    leerling = leerling_met_ouders(world, groep=6)
    aanvraag = concept(world, leerling=leerling, gevraagde_schoolsoort="sbo")
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 1, 6))
    with time_machine.travel(date(2026, 1, 30), tick=False):
        services.vraag_informatie(
            aanvraag=aanvraag,
            door=world.users["sll"],
            ontbreekt="De LVS-gegevens.",
            antwoord_uiterlijk=date(2026, 2, 2),
            verzoek_op=date(2026, 1, 19),
        )
        aanvraag.refresh_from_db()
        assert aanvraag.status == Status.AANGEHOUDEN
        assert beslistermijn(aanvraag, vandaag=date(2026, 1, 25)).loopt_stil
        with pytest.raises(TransitionNotAllowed, match="niet mogelijk in de status 'aangehouden"):
            services.keur_formeel_goed(aanvraag=aanvraag, door=world.users["sll"])
        services.informatie_ontvangen(
            aanvraag=aanvraag, door=world.users["sll"], ontvangen_op=date(2026, 1, 30)
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND  # back where it was
    stand = beslistermijn(aanvraag, vandaag=date(2026, 2, 1))
    assert stand.einde == date(2026, 3, 13)
    assert stand.berekening.opgeschorte_dagen == 10
    vo = deskundige(world.swv, "deskundige_vo")
    with time_machine.travel(date(2026, 2, 24), tick=False):
        aanvraag = naar(world, aanvraag, Status.EINDADVIES, tweede=vo, strekkingen=("sbo", "regulier"))
        eerste = aanvraag.toewijzing(1).deskundige
        services.schrijf_eindadvies(
            aanvraag=aanvraag,
            door=eerste,
            besluit="afgeven",
            gemotiveerd_besluit="Sbo.",
            doelen="Doelen.",
            schoolsoort="sbo",
            periode="6-8",
        )
        with pytest.raises(TransitionNotAllowed, match="unaniem"):
            stap(aanvraag, "naar_voorzitter", door=eerste)
        services.stuur_eindadvies_door(aanvraag=aanvraag, door=eerste)
        aanvraag.refresh_from_db()
        assert aanvraag.status == Status.TLA_VERGADERING
        with pytest.raises(TransitionNotAllowed, match="agenda van een TLA-vergadering"):
            services.leg_tla_advies_vast(aanvraag=aanvraag, door=world.users["tla"])
        vergadering = services.plan_vergadering(
            door=world.users["tla"], swv=world.swv, datum=date(2026, 2, 24), schooljaar="2025-2026"
        )
        services.agendeer(aanvraag=aanvraag, door=world.users["tla"], vergadering=vergadering)
        services.leg_tla_advies_vast(aanvraag=aanvraag, door=world.users["tla"])
        aanvraag.refresh_from_db()
        # [002 L648, L768] after the vergadering the voorzitter puts the eindadvies before the bestuurder.
        assert aanvraag.status == Status.BIJ_VOORZITTER
        services.leg_voor(aanvraag=aanvraag, door=world.users["tla"])
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TER_ONDERTEKENING


def test_verdaging_alleen_voor_einde_acht_weken(world):
    """[Awb 4:14 lid 3; 002 §1.8] announced before the 8 weeks end, with a new term."""
    aanvraag = naar(world, concept(world), Status.INHOUDELIJKE_CHECK, ontvangen_op=date(2026, 3, 10))
    with pytest.raises(ValidationError, match="verstreken"):
        services.verdaag(
            aanvraag=aanvraag,
            door=world.users["sll"],
            nieuwe_termijn=date(2026, 6, 1),
            reden="Deskundige ziek.",
            op=date(2026, 5, 7),
        )
    with time_machine.travel(date(2026, 5, 6), tick=False):
        services.verdaag(
            aanvraag=aanvraag,
            door=world.users["sll"],
            nieuwe_termijn=date(2026, 6, 1),
            reden="Deskundige ziek.",
            op=date(2026, 5, 6),
        )
    stand = beslistermijn(aanvraag, vandaag=date(2026, 5, 7))
    assert stand.wettelijk_einde == date(2026, 5, 6)
    assert stand.einde == date(2026, 6, 1)


def test_waarschuwing_een_week_voor_einde(world):
    """[issue 5] the system warns a week ahead that a verdaging must be announced now."""
    aanvraag = naar(world, concept(world), Status.INHOUDELIJKE_CHECK, ontvangen_op=date(2026, 3, 10))
    assert not beslistermijn(aanvraag, vandaag=date(2026, 4, 28)).waarschuwing_verdagen
    assert beslistermijn(aanvraag, vandaag=date(2026, 4, 29)).waarschuwing_verdagen


def test_informatieverzoek_zonder_termijn_schort_niet_op(world):
    """[domain §11] a request without a set answer period does not suspend: it is refused."""
    aanvraag = naar(world, concept(world), Status.INGEDIEND, ontvangen_op=date(2026, 3, 10))
    with pytest.raises(ValidationError, match="antwoordtermijn"):
        services.vraag_informatie(
            aanvraag=aanvraag,
            door=world.users["sll"],
            ontbreekt="LVS",
            antwoord_uiterlijk=date(2026, 3, 12),
            verzoek_op=date(2026, 3, 12),
        )


def test_intrekken_door_school(world):
    """[scenarios §7 Yara] bao-bao succeeds: the school withdraws."""
    aanvraag = naar(world, concept(world), Status.INHOUDELIJKE_CHECK)
    with pytest.raises(ValidationError):
        services.trek_in(aanvraag=aanvraag, door=world.users["ib"], reden=" ")
    services.trek_in(aanvraag=aanvraag, door=world.users["ib"], reden="Bao-bao-plaatsing gelukt.")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGETROKKEN
    with pytest.raises(TransitionNotAllowed):
        services.dien_in(aanvraag=aanvraag, door=world.users["directeur"])


def test_beslistermijn_geregistreerd_bij_gedeelde_termijnen(world):
    """[domain §11; issue 4] the TLV's term is a shared Termijn record for the daily sweep, with the
    same suspension and end as the TLV's own computation, and closed on the decision."""
    from cases.termijnen.models.termijnen import Termijn, TermijnSoort

    aanvraag = concept(world, leerling=leerling_met_ouders(world, groep=6))
    services.dien_in(aanvraag=aanvraag, door=world.users["directeur"], op=date(2026, 1, 6))
    services.vraag_informatie(
        aanvraag=aanvraag,
        door=world.users["sll"],
        ontbreekt="LVS",
        antwoord_uiterlijk=date(2026, 2, 2),
        verzoek_op=date(2026, 1, 19),
    )
    services.informatie_ontvangen(aanvraag=aanvraag, door=world.users["sll"], ontvangen_op=date(2026, 1, 30))
    termijn = Termijn.objects.get(soort=TermijnSoort.TLV_BESLISTERMIJN, object_id=aanvraag.pk)
    aanvraag.refresh_from_db()
    assert termijn.einde == date(2026, 3, 13) == beslistermijn(aanvraag, vandaag=date(2026, 2, 1)).einde
    aanvraag = naar(world, aanvraag, Status.TER_ONDERTEKENING)
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        op=date(2026, 3, 12),
        code=code_voor(world.users["bestuurder"]),
    )
    termijn.refresh_from_db()
    assert termijn.status == "voldaan"
    assert termijn.afgerond_op == date(2026, 3, 12)
