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


def _schorsing(w):
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
    return {"pk": s.pk}


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
    m.besluit_verwijdering(verwijdering=v, motivering="Veiligheid.", door=d, vandaag=D(2026, 3, 9))
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
    # Reported to leerplicht (longer than one day / besluit): the LPA of the gemeente sees them.
    "verzuim:schorsing": Toegang(ok=ZIEN | {"lpa"}, kwargs=_schorsing),
    "verzuim:verwijdering": Toegang(ok=ZIEN | {"lpa"}, kwargs=_verwijdering),
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
