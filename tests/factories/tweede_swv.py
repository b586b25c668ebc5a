"""A second complete SWV [issue 14]: the same shape as the `world` fixture's SWV A (two regio's,
two schools, a gemeente, one user per role), built by the factories inside the world's SWV B.
Handing it to the builders of tests/matrix/ gives SWV B every object those build for SWV A: a
pupil with dossier, OT, OPP, document, TLV with bezwaar, zorgplicht aanmelding, interventietraject,
verzuim melding, schorsing, time-out, verwijdering, thuiszitter, escalatie, vrijstelling..."""

from __future__ import annotations

from tests.factories import GebruikerFactory, GemeenteFactory, RegioFactory, RolFactory, SchoolFactory


def tweede_swv(world):
    """A World for SWV B (usernames `b_<rol>`); its `swv_b`/`school_b` point back at SWV A."""
    from tests.conftest import ROLLEN, World

    swv = world.swv_b
    regio = RegioFactory(swv=swv, naam="Regio Overkant")
    regio2 = RegioFactory(swv=swv, naam="Regio Verderop")
    gemeente = GemeenteFactory(swv=swv, naam="Gemeente Overkant")
    gemeente2 = GemeenteFactory(swv=swv, naam="Gemeente Verderop")
    school = SchoolFactory(swv=swv, regio=regio, gemeente=gemeente, naam="OBS Aan De Overkant")
    school2 = SchoolFactory(swv=swv, regio=regio2, gemeente=gemeente2, naam="CBS Verderop")
    b = World(
        swv=swv,
        regio=regio,
        regio2=regio2,
        gemeente=gemeente,
        school=school,
        school2=school2,
        swv_b=world.swv,
        school_b=world.school,
    )
    for soort in ROLLEN:
        user = GebruikerFactory(username=f"b_{soort}", is_staff=soort == "beheer")
        plek = {"swv": swv}
        if soort in ("leerkracht", "ib", "directeur"):
            plek["school"] = school
        elif soort in ("sc", "cjk"):
            plek["regio"] = regio
        elif soort == "lpa":
            plek["gemeente"] = gemeente
        if soort == "leerkracht":
            plek["groepen"] = "4,5"
        if soort == "deskundige":
            plek["discipline"] = "orthopedagoog"
        RolFactory(gebruiker=user, soort=soort, **plek)
        b.users[soort] = user
    b.ib_b = world.users["ib"]
    b.ib_a2 = GebruikerFactory(username="b_ib_2")
    RolFactory(gebruiker=b.ib_a2, soort="ib", swv=swv, school=school2)
    return b
