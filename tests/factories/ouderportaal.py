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


# --- part 2: bezwaar and documents [issue 17] ------------------------------------------------------


def pdf_upload(naam: str = "verslag.pdf", inhoud: bytes | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories.brieven import MINI_PDF

    return SimpleUploadedFile(naam, MINI_PDF if inhoud is None else inhoud, content_type="application/pdf")


def als_pdf(brief: Brief) -> Brief:
    """Store a PDF for a letter maak_brief made (no WeasyPrint in these tests)."""
    import hashlib

    from django.core.files.base import ContentFile

    from tests.factories.brieven import MINI_PDF

    brief.pdf.save(brief.bestandsnaam, ContentFile(MINI_PDF), save=False)
    brief.sha256 = hashlib.sha256(MINI_PDF).hexdigest()
    brief.save(update_fields=["pdf", "sha256"])
    return brief


def ouderdocument(g: Gezin, *, titel: str = "Verslag van de psycholoog"):
    from cases.ouderportaal.services.documenten import stuur_document

    return stuur_document(door=g.gebruiker, kind=g.kind, titel=titel, bestand=pdf_upload())


def ouderdocument_van(world):
    d = getattr(world, "_ouderdocument", None)
    if d is None:
        d = ouderdocument(gezin_van(world))
        world._ouderdocument = d
    return d


def bezwaarbrief(g: Gezin, *, directeur, dagen_geleden: int = 3) -> Brief:
    """A verwijdering decided `dagen_geleden` days ago with its letter (bezwaarclausule) to the
    gezin's ouder: a letter the ouder can object to in the portal."""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from verzuim.models import Verwijdering
    from verzuim.models.maatregelen import VerwijderingStatus

    vandaag = timezone.localdate()
    v = Verwijdering.objects.create(
        leerling=g.kind,
        school=g.kind.huidige_school,
        aanleiding="Herhaalde ernstige incidenten.",
        ouders_geinformeerd_op=vandaag - timedelta(days=dagen_geleden + 7),
        voornemen_op=vandaag - timedelta(days=dagen_geleden + 7),
        besluit_verzonden_op=vandaag - timedelta(days=dagen_geleden),
        status=VerwijderingStatus.BESLOTEN,
        aangemaakt_door=directeur,
    )
    brief = aan(gerenderde_brief(leerling=g.kind, onderwerp="Besluit tot verwijdering"), g.ouder.naam)
    Brief.objects.filter(pk=brief.pk).update(
        content_type=ContentType.objects.get_for_model(Verwijdering), object_id=v.pk, bezwaarclausule=True
    )
    brief.refresh_from_db()
    return brief


def bezwaarbrief_van(world) -> Brief:
    b = getattr(world, "_bezwaarbrief", None)
    if b is None:
        b = bezwaarbrief(gezin_van(world), directeur=world.users["directeur"])
        world._bezwaarbrief = b
    return b
