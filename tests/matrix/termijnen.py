"""Role × URL matrix for the deadline pages [issue 4]: every logged-in user has a calculator,
notifications and an agenda link; a notification belongs to one person (404 for anyone else);
the iCal feed is reached by its secret key alone."""

from datetime import date

from tests.matrix import ALLE_ROLLEN, Toegang


def _melding_van_sll(world) -> dict:
    from cases.models import Notificatie
    from cases.termijnen.services import start_termijn

    t = start_termijn(soort="tlv_beslistermijn", start=date(2026, 1, 6), swv=world.swv, school=world.school)
    n = Notificatie.objects.create(
        gebruiker=world.users["sll"],
        termijn=t,
        soort="verlopen",
        vervaldatum=t.einde,
        aangemaakt_op="2026-03-04T06:00Z",
    )
    return {"pk": n.pk}


def _feed_van_sll(world) -> dict:
    from cases.termijnen.meldingen import maak_agenda_token

    return {"sleutel": maak_agenda_token(user=world.users["sll"])}


MATRIX = {
    "termijnen:calculator": Toegang(ok=ALLE_ROLLEN),
    "termijnen:lopend": Toegang(ok=frozenset({"sll", "beheer", "bestuurder"})),
    "termijnen:meldingen": Toegang(ok=ALLE_ROLLEN),
    "termijnen:melding_gelezen": Toegang(
        ok=frozenset({"sll"}), geweigerd=404, methode="post", ok_status=302, kwargs=_melding_van_sll
    ),
    "termijnen:alles_gelezen": Toegang(ok=ALLE_ROLLEN, methode="post", ok_status=302),
    "termijnen:agenda": Toegang(ok=ALLE_ROLLEN),
    "termijnen:agenda_nieuw": Toegang(ok=ALLE_ROLLEN, methode="post"),
    "termijnen:agenda_intrekken": Toegang(ok=ALLE_ROLLEN, methode="post", ok_status=302),
    "termijnen:agenda_feed": Toegang(ok=ALLE_ROLLEN, publiek=True, kwargs=_feed_van_sll),
}
