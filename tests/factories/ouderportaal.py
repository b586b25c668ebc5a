"""Ouders with a portal account [issue 17]: an Ouder record with gezag and an e-mail address, a
Gebruiker linked through an OuderKoppeling, and what ouders may see (a vastgesteld OPP and OT
verslag, a letter addressed to the ouder) next to what they may not (a concept OPP, a letter to
someone else)."""

from __future__ import annotations

from dataclasses import dataclass

from django_otp.plugins.otp_email.models import EmailDevice

from cases.models import Brief, Gebruiker, Leerling, Ouder, OuderKoppeling
from cases.ouderportaal.services.toegang import EMAIL_APPARAAT_NAAM
from tests.factories import GebruikerFactory, LeerlingFactory, OuderFactory
from tests.factories.brieven import gerenderde_brief
from tests.factories.dossier import OPPFactory, OTBesprekingFactory


def ouder_account(ouder: Ouder, *, gebruiker: Gebruiker | None = None) -> Gebruiker:
    """A portal account for `ouder` (username = its e-mail address), with its e-mail device."""
    if gebruiker is None:
        naam = ouder.email.lower()
        gebruiker = GebruikerFactory(username=naam, email=naam, first_name=ouder.naam)
    OuderKoppeling.objects.create(gebruiker=gebruiker, ouder=ouder)
    EmailDevice.objects.get_or_create(
        user=gebruiker, name=EMAIL_APPARAAT_NAAM, defaults={"email": gebruiker.email, "confirmed": True}
    )
    return gebruiker


def aan(brief: Brief, *namen: str) -> Brief:
    Brief.objects.filter(pk=brief.pk).update(
        geadresseerden=[{"naam": n, "adres": "", "postcode_plaats": ""} for n in namen]
    )
    brief.refresh_from_db()
    return brief


@dataclass
class Gezin:
    kind: Leerling
    ouder: Ouder
    gebruiker: Gebruiker
    opp: object
    opp_concept: object
    verslag: object
    brief: Brief
    brief_ander: Brief


def gezin(school, *, ib=None, email=None, voornaam=None) -> Gezin:
    """A child at `school` with one ouder (gezag, e-mail, portal account) and its dossier parts."""
    kind = LeerlingFactory(
        swv=school.swv, school=school, school__groep=4, **({"voornaam": voornaam} if voornaam else {})
    )
    ouder = OuderFactory(leerling=kind, email=email or f"ouder{kind.pk}@ouders.example")
    OuderFactory(leerling=kind, relatie="vader", naam=f"Vader {kind.achternaam}", email="")
    gebruiker = ouder_account(ouder)
    door = ib or GebruikerFactory()
    opp = OPPFactory(leerling=kind, aangemaakt_door=door, vastgesteld=True)
    opp_concept = OPPFactory(leerling=kind, aangemaakt_door=door, versie=2, hulpvraag="CONCEPT-GEHEIM")
    verslag = OTBesprekingFactory(leerling=kind, aangemaakt_door=door, vastgesteld=True)
    brief = aan(gerenderde_brief(leerling=kind, onderwerp="Besluit over de TLV"), ouder.naam)
    brief_ander = aan(
        gerenderde_brief(leerling=kind, onderwerp="Melding aan de inspectie"), "Inspectie van het Onderwijs"
    )
    return Gezin(kind, ouder, gebruiker, opp, opp_concept, verslag, brief, brief_ander)


def gezin_van(world) -> Gezin:
    """The world's family (cached on it): the child at school A1; `world.users['ouder']` its ouder."""
    g = getattr(world, "_gezin", None)
    if g is None:
        g = gezin(world.school, ib=world.users.get("ib"))
        world._gezin = g
        world.users["ouder"] = g.gebruiker
    return g
