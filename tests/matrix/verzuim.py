"""Role × URL matrix of verzuim/ [issue 8]. Objects live at school A1 (regio A, gemeente A)."""

from datetime import date
from decimal import Decimal

from tests.factories.verzuim import leerling_met_ouder
from tests.matrix import Toegang

D = date
SCHOOL = frozenset({"ib", "directeur"})
ZIEN = frozenset({"ib", "directeur", "sc", "sll", "bestuurder"})
REGISTER = frozenset({"sc", "sll", "bestuurder", "lpa"})
FUNCTIONARIS = frozenset({"sc", "sll", "bestuurder"})
VRIJSTELLING = frozenset({"lpa", "sll", "bestuurder"})


def _leerling(w):
    return leerling_met_ouder(school=w.school, voornaam="Matrix")


def _leerling_id(w):
    return {"leerling_id": _leerling(w).pk}


def _melding(w):
    from verzuim.services.meldingen import meld_verzuim, registreer_verzuim

    ll = _leerling(w)
    registreer_verzuim(
        leerling=ll,
        soort="ongeoorloofd",
        datum=D(2026, 3, 4),
        uren=Decimal(3),
        door=w.users["ib"],
        vandaag=D(2026, 3, 4),
    )
    m = meld_verzuim(
        leerling=ll,
        soort="relatief",
        ouders_geinformeerd_op=D(2026, 3, 4),
        door=w.users["ib"],
        vandaag=D(2026, 3, 4),
    )
    return {"pk": m.pk}


def _time_out(w):
    from verzuim.services.maatregelen import registreer_time_out

    t = registreer_time_out(
        leerling=_leerling(w),
        datum=D(2026, 2, 3),
        aanleiding="Incident op het plein.",
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=w.users["directeur"],
        vandaag=D(2026, 2, 3),
    )
    return {"pk": t.pk}


def _meld_aan_leerplicht(w, maatregel, op):
    """The school reports to leerplicht (the product does not) [issue 16.11]: from then on the LPA
    of the school's gemeente sees the measure and the melding."""
    from verzuim.services.maatregelmeldingen import leg_melding_vast

    return leg_melding_vast(
        melding=maatregel.meldingen.get(ontvanger="leerplicht"),
        gemeld_op=op,
        wijze="mail",
        door=w.users["directeur"],
        vandaag=op,
    )


def _schorsing_obj(w):
    from verzuim.services.maatregelen import schors

    s = schors(
        leerling=_leerling(w),
        van=D(2026, 2, 4),
        tot=D(2026, 2, 6),
        aanleiding="Ernstig incident.",
        bestuur_akkoord_op=D(2026, 2, 3),
        gesprek_ouders_op=D(2026, 2, 5),
        ouders_geinformeerd_op=D(2026, 2, 3),
        door=w.users["directeur"],
        vandaag=D(2026, 2, 3),
    )
    return s


def _schorsing(w):
    s = _schorsing_obj(w)
    _meld_aan_leerplicht(w, s, D(2026, 2, 4))
    return {"pk": s.pk}


def _maatregelmelding(w):
    return {"pk": _meld_aan_leerplicht(w, _schorsing_obj(w), D(2026, 2, 4)).pk}


def _verwijdering(w):
    from verzuim.services import verwijdering as m

    d = w.users["directeur"]
    v = m.start_verwijdering(
        leerling=_leerling(w),
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=D(2026, 3, 2),
        door=d,
        vandaag=D(2026, 3, 2),
    )
    m.hoor(verwijdering=v, wie="leerkracht", op=D(2026, 3, 3), verslag="Leerkracht gehoord.", door=d)
    m.hoor(verwijdering=v, wie="ouders", op=D(2026, 3, 4), verslag="Ouders gehoord.", door=d)
    v = m.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 3, 9))
    _meld_aan_leerplicht(w, v, D(2026, 3, 10))
    return {"pk": v.pk}


def _thuiszitter(w):
    from verzuim.services.thuiszitters import registreer_thuiszitter

    t = registreer_thuiszitter(
        leerling=_leerling(w),
        soort="relatief",
        thuis_sinds=D(2025, 11, 3),
        regie_bij="SC regio",
        door=w.users["sc"],
        vandaag=D(2026, 1, 5),
    )
    return t


def _thuiszitter_pk(w):
    return {"pk": _thuiszitter(w).pk}


def _verantwoording(w):
    from verzuim.models import Verantwoording

    v = Verantwoording.objects.create(
        swv=w.swv, bestuur=w.school.bestuur, jaar=2025, gevraagd_op=D(2026, 11, 1), uiterlijk=D(2026, 12, 13)
    )
    return {"pk": v.pk}


def _escalatie(w):
    from verzuim.services.thuiszitters import open_escalatie

    t = _thuiszitter(w)
    e = open_escalatie(
        regio=w.regio,
        school=w.school,
        thuiszitter=t,
        aanleiding="Thuiszitter zonder aanbod.",
        door=w.users["sc"],
        vandaag=D(2026, 1, 5),
    )
    return {"pk": e.pk}


def _vrijstelling(w):
    from verzuim.services.vrijstelling import dien_vrijstelling_in

    v = dien_vrijstelling_in(
        leerling=_leerling(w),
        gemeente=w.gemeente,
        regio=w.regio,
        ingediend_op=D(2026, 1, 5),
        door=w.users["sll"],
    )
    return {"pk": v.pk}


def _duo_taak(w):
    """An uitschrijving: the school's open task to report it to DUO [issue 16.14]."""
    from cases.services.inschrijving import schrijf_uit
    from cases.termijnen.models.termijnen import Termijn
    from verzuim.termijnen import DUO_MELDING

    ll = _leerling(w)
    schrijf_uit(leerling=ll, tot=D(2026, 3, 13))
    return {"pk": Termijn.objects.get(soort=DUO_MELDING, leerling=ll, status="lopend").pk}


MATRIX = {
    "verzuim:leerlingen": Toegang(ok=SCHOOL),
    "verzuim:leerling": Toegang(ok=SCHOOL, kwargs=_leerling_id),
    "verzuim:meldingen": Toegang(ok=SCHOOL | {"lpa"}),
    "verzuim:melding": Toegang(ok=SCHOOL | {"lpa"}, kwargs=_melding),
    "verzuim:maatregelen": Toegang(ok=ZIEN | {"lpa"}),
    "verzuim:time_out_nieuw": Toegang(ok=frozenset({"directeur"}), kwargs=_leerling_id),
    "verzuim:schorsing_nieuw": Toegang(ok=frozenset({"directeur"}), kwargs=_leerling_id),
    "verzuim:verwijdering_nieuw": Toegang(ok=frozenset({"directeur"}), kwargs=_leerling_id),
    "verzuim:time_out": Toegang(ok=ZIEN, kwargs=_time_out),
    # Reported to leerplicht by the school (longer than one day / besluit): the LPA of the gemeente
    # sees them, and the melding itself [issue 16.11].
    "verzuim:schorsing": Toegang(ok=ZIEN | {"lpa"}, kwargs=_schorsing),
    "verzuim:verwijdering": Toegang(ok=ZIEN | {"lpa"}, kwargs=_verwijdering),
    "verzuim:maatregelmelding": Toegang(ok=ZIEN | {"lpa"}, kwargs=_maatregelmelding),
    "verzuim:absoluut_nieuw": Toegang(ok=frozenset({"lpa"})),
    "verzuim:duo_meldingen": Toegang(ok=SCHOOL),
    "verzuim:duo_gemeld": Toegang(ok=SCHOOL, kwargs=_duo_taak, methode="post", ok_status=302),
    "verzuim:thuiszitters": Toegang(ok=REGISTER),
    "verzuim:thuiszitters_export": Toegang(ok=REGISTER),
    "verzuim:thuiszitter_nieuw": Toegang(ok=FUNCTIONARIS),
    "verzuim:thuiszitter": Toegang(ok=REGISTER, kwargs=_thuiszitter_pk),
    "verzuim:escalaties": Toegang(ok=FUNCTIONARIS),
    "verzuim:escalatie_nieuw": Toegang(ok=FUNCTIONARIS),
    "verzuim:escalatie": Toegang(ok=FUNCTIONARIS, kwargs=_escalatie),
    "verzuim:verantwoordingen": Toegang(ok=frozenset({"sll", "bestuurder", "beheer"})),
    "verzuim:verantwoording": Toegang(ok=frozenset({"sll", "bestuurder", "beheer"}), kwargs=_verantwoording),
    "verzuim:vrijstellingen": Toegang(ok=VRIJSTELLING),
    "verzuim:vrijstelling_nieuw": Toegang(ok=frozenset({"sll", "bestuurder"})),
    "verzuim:vrijstelling": Toegang(ok=VRIJSTELLING, kwargs=_vrijstelling),
}
