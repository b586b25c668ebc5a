"""Factories for the dossier: OT-verslagen, afspraken, OPP's, documents. All content invented.

Traits give the states: `OTBesprekingFactory(vastgesteld=True)` makes a complete, vastgesteld
verslag (with aanwezigen and one afspraak); `OPPFactory(vastgesteld=True)` a complete OPP."""

from __future__ import annotations

from datetime import date

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from cases.dossier.models.ot import Status
from cases.models import OPP, Aanwezige, Afspraak, Document, OTBespreking
from tests.factories.organisaties import GebruikerFactory, LeerlingFactory

# A minimal valid one-page PDF (hand-made, 9 objects of text) for stored files in tests.
MINI_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class OTBesprekingFactory(DjangoModelFactory):
    class Meta:
        model = OTBespreking
        skip_postgeneration_save = True

    class Params:
        vastgesteld = factory.Trait(
            status=Status.VASTGESTELD,
            vastgesteld_op=factory.LazyFunction(timezone.now),
            vastgesteld_door=factory.SelfAttribute("aangemaakt_door"),
            datum=date(2026, 1, 12),
            ouders_uitgenodigd=True,
            doelen="Zicht krijgen op de angst in de klas en wat de leerkracht nodig heeft.",
            hulpvraag="Hoe kan de school het kind helpen om zich veilig te voelen en tot leren te komen?",
            visie_ouders="Ouders zien thuis hetzelfde terugtrekgedrag en willen graag meedenken.",
            visie_betrokkenen="De jeugdarts ziet geen medische oorzaak.",
            bevindingen="Het kind heeft baat bij voorspelbaarheid en een vaste plek.",
            uitkomst="hgo_deskundigheid",
            vervolgafspraak="OT 2 over zes weken.",
        )

    leerling = factory.SubFactory(LeerlingFactory)
    soort = "start"
    aangemaakt_door = factory.SubFactory(GebruikerFactory)

    @factory.post_generation
    def rijen(obj, create, extracted, **kwargs):
        if create and obj.status == Status.VASTGESTELD and extracted is not False:
            Aanwezige.objects.bulk_create(
                [
                    Aanwezige(bespreking=obj, naam="Ilse Testmans", rol="ib", functie=""),
                    Aanwezige(bespreking=obj, naam="Moeder Testfamilie", rol="ouder", functie="moeder"),
                    Aanwezige(bespreking=obj, naam="Sanne Testcoördinator", rol="sc", functie=""),
                ]
            )
            Afspraak.objects.bulk_create(
                [
                    Afspraak(
                        bespreking=obj,
                        leerling_id=obj.leerling_id,
                        wat="Observatie in de klas",
                        wie="steunpuntcoördinator",
                        uiterlijk=date(2026, 2, 9),
                    ),
                ]
            )


class AfspraakFactory(DjangoModelFactory):
    """Also on a vastgesteld verslag: test history is written directly (bulk_create), as the demo
    does; the application itself can only add afspraken to a concept."""

    class Meta:
        model = Afspraak

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.bulk_create([model_class(*args, **kwargs)])[0]

    bespreking = factory.SubFactory(OTBesprekingFactory)
    leerling = factory.SelfAttribute("bespreking.leerling")
    wat = factory.Sequence(lambda n: f"Afspraak {n}")
    wie = "intern begeleider"
    uiterlijk = date(2026, 3, 1)


class OPPFactory(DjangoModelFactory):
    class Meta:
        model = OPP

    class Params:
        vastgesteld = factory.Trait(
            status=Status.VASTGESTELD,
            vastgesteld_op=factory.LazyFunction(timezone.now),
            vastgesteld_door=factory.SelfAttribute("aangemaakt_door"),
        )

    leerling = factory.SubFactory(LeerlingFactory)
    versie = 1
    aangemaakt_door = factory.SubFactory(GebruikerFactory)
    datum = date(2026, 2, 25)
    hulpvraag = "Hoe helpen we het kind tot leren te komen?"
    uitstroomprofiel = "vmbo_kb"
    uitstroomprofiel_onderbouwing = "Toetsresultaten en werkhouding wijzen op kader."
    factoren = factory.LazyFunction(lambda: {"A": {"school_bevorderend": "leert goed met beeld"}})
    doelen_school = "Voorspelbare dagstructuur."
    doelen_kind = "Het kind vraagt zelf om hulp."
    onderwijsbehoeften = "Korte instructie, vaste plek."


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    leerling = factory.SubFactory(LeerlingFactory)
    soort = "lvs"
    titel = "LVS-overzicht"
    datum = date(2026, 1, 5)
    bestand = factory.LazyFunction(lambda: ContentFile(MINI_PDF, name="document.pdf"))
    mimetype = "application/pdf"
    grootte = len(MINI_PDF)
    sha256 = "0" * 64
    geupload_door = factory.SubFactory(GebruikerFactory)


def leerling_met_ouders(world, *, school=None, groep=4, ouders=2, **kwargs):
    """A pupil of the world's school A1 (groep 4, seen by the world's leerkracht) with ouders with gezag."""
    from tests.factories import LeerlingFactory, OuderFactory

    school = school or world.school
    leerling = LeerlingFactory(swv=school.swv, school=school, school__groep=groep, **kwargs)
    for relatie in ("moeder", "vader")[:ouders]:
        OuderFactory(leerling=leerling, relatie=relatie)
    return leerling
