"""Factories for interventietrajecten and arrangementen [issue 7]. All content invented.

`TrajectFactory` makes a traject at the world's school that meets seed 000's criteria, with the
directeur as casusmanager; traits give the states: `TrajectFactory(team=True)` adds the core team
(directeur SWV and a gedragsspecialist), `status=` sets the FSM state directly at creation."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from factory.django import DjangoModelFactory

from cases.interventie.models.arrangementen import ArrangementSoort
from cases.interventie.models.traject import Onderzoeksverslagen, TeamRol
from cases.models import (
    Arrangement,
    InterventieAfspraak,
    InterventieBijeenkomst,
    InterventieTeamlid,
    Interventietraject,
)
from tests.factories.organisaties import GebruikerFactory, LeerlingFactory, SchoolFactory


class TrajectFactory(DjangoModelFactory):
    class Meta:
        model = Interventietraject
        skip_postgeneration_save = True

    leerling = factory.SubFactory(LeerlingFactory)
    swv = factory.SelfAttribute("leerling.swv")
    school = factory.SelfAttribute("leerling.huidige_school")
    gemeld_op = date(2026, 2, 3)
    aanleiding = "dreigende_verwijdering"
    uit_regulier_onderwijs = True
    reguliere_route_niet_mogelijk = True
    reguliere_route_toelichting = "De situatie escaleert sneller dan het OT kan bijeenkomen."
    onderwijskundig_rapport = True
    verslag_maatregelen = True
    onderzoeksverslagen = Onderzoeksverslagen.BIJGEVOEGD

    @factory.post_generation
    def team(obj, create, extracted, **kwargs):
        if create and extracted:
            bestuurder = kwargs.get("bestuurder") or GebruikerFactory()
            InterventieTeamlid.objects.create(traject=obj, rol=TeamRol.DIRECTEUR_SWV, gebruiker=bestuurder)
            InterventieTeamlid.objects.create(
                traject=obj, rol=TeamRol.GEDRAGSSPECIALIST, naam="Gerrit Gedragsma", organisatie="SWV"
            )


def traject_in(world, **kwargs) -> Interventietraject:
    """A traject for a new pupil in groep 4 of the world's school A1, casusmanager the directeur."""
    leerling = kwargs.pop("leerling", None) or LeerlingFactory(
        swv=world.swv, school=world.school, school__groep=4
    )
    kwargs.setdefault("casusmanager", world.users["directeur"])
    if kwargs.get("team"):
        kwargs.setdefault("team__bestuurder", world.users["bestuurder"])
    return TrajectFactory(leerling=leerling, **kwargs)


class BijeenkomstFactory(DjangoModelFactory):
    """A planned meeting that satisfies every condition for being marked held (the first one)."""

    class Meta:
        model = InterventieBijeenkomst

    traject = factory.SubFactory(TrajectFactory)
    datum = factory.LazyAttribute(lambda o: o.traject.gemeld_op + timedelta(days=5))
    agenda = "1. Kennismaking\n2. Beeld van de leerling\n3. Setting tijdens het traject\n4. Afspraken"
    agenda_verstuurd_op = factory.LazyAttribute(lambda o: o.datum - timedelta(days=2))
    deelnemers = "Directeur, intern begeleider, leerkracht, directeur SWV, gedragsspecialist"
    ouders_geinformeerd_op = factory.LazyAttribute(lambda o: o.datum - timedelta(days=2))
    aanwezig_directeur = True
    aanwezig_ib = True
    aanwezig_leerkracht = True
    aanwezig_ouders = True
    verslag = "Het team bespreekt de situatie en adviseert een tijdelijke andere setting."


class AfspraakFactory(DjangoModelFactory):
    class Meta:
        model = InterventieAfspraak

    traject = factory.SubFactory(TrajectFactory)
    wat = "Onderwijsplan voor de komende zes weken opstellen"
    eigenaar = factory.SubFactory(GebruikerFactory)
    uiterlijk = date(2026, 2, 17)
    bewaker = factory.SubFactory(GebruikerFactory)


def school_zelfde_bestuur(world, **kwargs):
    return SchoolFactory(
        swv=world.swv,
        bestuur=world.school.bestuur,
        regio=world.regio,
        gemeente=world.gemeente,
        naam=kwargs.pop("naam", "OBS De Testtak"),
        **kwargs,
    )


class ArrangementFactory(DjangoModelFactory):
    class Meta:
        model = Arrangement

    leerling = factory.SubFactory(LeerlingFactory)
    swv = factory.SelfAttribute("leerling.swv")
    verwijzende_school = factory.SelfAttribute("leerling.huidige_school")
    verantwoordelijk_bestuur = factory.SelfAttribute("verwijzende_school.bestuur")
    regio = factory.SelfAttribute("verwijzende_school.regio")
    soort = ArrangementSoort.OBSERVATIE
    uitvoerende_school = None
    start = date(2026, 2, 3)
    einde = date(2026, 4, 30)
    doel = "In beeld brengen wat de leerling nodig heeft."
    ondersteuningsbehoefte = "Voorspelbaarheid, een vaste begeleider, korte instructies."
    communicatieafspraken = "Wekelijks contact tussen beide scholen en de ouders."
