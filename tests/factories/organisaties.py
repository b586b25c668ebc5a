"""Factories for the foundation. All names are invented; BRIN's use the fictitious 9x range."""

import string
from datetime import date

import factory
from django.db.models import F
from factory.django import DjangoModelFactory

from cases.models import (
    Gebruiker,
    Gemeente,
    Leerling,
    Ouder,
    Regio,
    Rol,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)


def _brin(n: int) -> str:
    letters = string.ascii_uppercase
    return f"9{n // 676 % 10}{letters[n // 26 % 26]}{letters[n % 26]}"


class SWVFactory(DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband

    naam = factory.Sequence(lambda n: f"Samenwerkingsverband Testvallei {n}")
    code = factory.Sequence(lambda n: f"PO 98-{n:02d}")
    adres = "Postbus 9800"
    postcode_plaats = "9800 AA Testvallei"


class RegioFactory(DjangoModelFactory):
    class Meta:
        model = Regio

    swv = factory.SubFactory(SWVFactory)
    naam = factory.Sequence(lambda n: f"Regio Heidebeek {n}")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente

    swv = factory.SubFactory(SWVFactory)
    naam = factory.Sequence(lambda n: f"Gemeente Zandvoorde {n}")


class SchoolbestuurFactory(DjangoModelFactory):
    class Meta:
        model = Schoolbestuur

    swv = factory.SubFactory(SWVFactory)
    naam = factory.Sequence(lambda n: f"Stichting Testonderwijs {n}")
    bestuursnummer = factory.Sequence(lambda n: f"{80000 + n:05d}")


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    swv = factory.SubFactory(SWVFactory)
    bestuur = factory.SubFactory(SchoolbestuurFactory, swv=factory.SelfAttribute("..swv"))
    regio = factory.SubFactory(RegioFactory, swv=factory.SelfAttribute("..swv"))
    gemeente = factory.SubFactory(GemeenteFactory, swv=factory.SelfAttribute("..swv"))
    naam = factory.Sequence(lambda n: f"Basisschool De Testboom {n}")
    brin = factory.Sequence(_brin)
    vestiging = "00"
    soort = "bao"


class GebruikerFactory(DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@test.example")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "demo")
        if create:
            obj.save(update_fields=["password"])


class RolFactory(DjangoModelFactory):
    class Meta:
        model = Rol

    gebruiker = factory.SubFactory(GebruikerFactory)
    soort = "ib"
    swv = factory.SubFactory(SWVFactory)


class LeerlingFactory(DjangoModelFactory):
    """A leerling; pass `school=` (and `groep=`) to enrol through the inschrijving service."""

    class Meta:
        model = Leerling
        skip_postgeneration_save = True

    swv = factory.SubFactory(SWVFactory)
    voornaam = factory.Sequence(lambda n: f"Kind{n}")
    achternaam = factory.Sequence(lambda n: f"Testfamilie {n}")
    geboortedatum = date(2018, 3, 14)

    @factory.post_generation
    def school(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            from cases.services.inschrijving import schrijf_in

            schrijf_in(
                leerling=obj,
                school=extracted,
                groep=kwargs.get("groep", 4),
                van=kwargs.get("van", date(2024, 8, 19)),
            )
            # A factory pupil's enrolment is history: its DUO melding was made [issue 16.14]. Marked
            # met without audit rows, so tests that count terms, mails or audit rows are unaffected.
            from cases.termijnen.models.termijnen import Termijn, TermijnStatus
            from verzuim.termijnen import DUO_MELDING

            Termijn.objects.filter(soort=DUO_MELDING, leerling=obj).update(
                status=TermijnStatus.VOLDAAN, afgerond_op=F("start"), afronding_reden="testgegevens"
            )
            obj.refresh_from_db()


class OuderFactory(DjangoModelFactory):
    class Meta:
        model = Ouder

    leerling = factory.SubFactory(LeerlingFactory)
    naam = factory.Sequence(lambda n: f"Ouder Testfamilie {n}")
    relatie = "moeder"
    gezag = True
    adres = "Teststraat 1"
    postcode_plaats = "9800 AB Testvallei"
