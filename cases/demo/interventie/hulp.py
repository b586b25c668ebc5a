"""What the interventie demo's scenarios share: the criteria, the scenario names and helpers that
go through the services."""

from __future__ import annotations

from datetime import timedelta

from cases.interventie.models.traject import Onderzoeksverslagen
from cases.interventie.services import traject as svc
from cases.models import Gebruiker, Rol, RolSoort

CRITERIA = {
    "uit_regulier_onderwijs": True,
    "reguliere_route_niet_mogelijk": True,
    "reguliere_route_toelichting": (
        "Derde school in twee jaar; de escalaties volgen elkaar sneller op dan het ondersteuningsteam kan "
        "bijeenkomen."
    ),
    "onderwijskundig_rapport": True,
    "verslag_maatregelen": True,
    "onderzoeksverslagen": Onderzoeksverslagen.BIJGEVOEGD,
}

SCENARIO_NAMEN = {"Noor", "Daan", "Sem", "Lotte", "Milan", "Fenna", "Yara"}


def _directeur_van(school, wereld) -> Gebruiker:
    """The demo directeur of `school`: the shared demo user at the demo school, otherwise a
    fictitious directeur made here (password 'demo', like every demo account)."""
    rol = (
        Rol.objects.filter(soort=RolSoort.DIRECTEUR, school=school, actief=True)
        .select_related("gebruiker")
        .first()
    )
    if rol is not None:
        return rol.gebruiker
    from cases.demo import DEMO_WACHTWOORD

    user, nieuw = Gebruiker.objects.get_or_create(
        username="directeur.kompas",
        defaults={
            "first_name": "Hanneke",
            "last_name": "Wegwijzer",
            "email": "directeur.kompas@vallei-rijn.example",
        },
    )
    if nieuw:
        user.set_password(DEMO_WACHTWOORD)
        user.save(update_fields=["password"])
    Rol.objects.get_or_create(gebruiker=user, soort=RolSoort.DIRECTEUR, swv=wereld.swv, school=school)
    wereld.gebruikers.setdefault("directeur.kompas", user)
    return user


def _bijeenkomst(traject, door, datum, *, verslag, advies_setting="", advies_vervolg="", ouders=True):
    b = svc.plan_bijeenkomst(
        traject=traject,
        door=door,
        datum=datum,
        locatie="Teamkamer van de school",
        agenda="1. Opening en wie er aan tafel zitten\n2. Beeld van de leerling\n3. Setting\n4. Afspraken",
        agenda_verstuurd_op=datum - timedelta(days=4),
        deelnemers="Directeur (casusmanager), intern begeleider, leerkracht, directeur SWV, gedragsspecialist, ouders",  # noqa: E501
        ouders_geinformeerd_op=datum - timedelta(days=4),
        aanwezig_directeur=True,
        aanwezig_ib=True,
        aanwezig_leerkracht=True,
        aanwezig_ouders=ouders,
        afwezigheid_toelichting="" if ouders else "Ouders waren verhinderd; zij zijn dezelfde dag gebeld.",
        verslag=verslag,
        advies_setting=advies_setting,
        advies_vervolg=advies_vervolg,
    )
    return svc.houd_bijeenkomst(bijeenkomst=b, door=door)


def _afspraak(traject, b, door, wat, *, uiterlijk, bewaker, eigenaar=None, eigenaar_naam="", afgerond=None):
    a = svc.voeg_afspraak_toe(
        traject=traject,
        bijeenkomst=b,
        door=door,
        wat=wat,
        eigenaar=eigenaar,
        eigenaar_naam=eigenaar_naam,
        uiterlijk=uiterlijk,
        bewaker=bewaker,
    )
    if afgerond:
        svc.rond_afspraak_af(afspraak=a, door=bewaker, op=afgerond)
    return a


def _plaats(traject, door, stap, *, school=None, redenen=None, **velden):
    return svc.registreer_plaatsing(
        traject=traject, door=door, stap=stap, school=school, redenen_overslaan=redenen or {}, **velden
    )
