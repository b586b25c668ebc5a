"""Builders for the onderinstroom [issue 16.10]: a young child of the world's regio with the CJK's
advice, a delivered overdrachtsdocument for the world's school and (optionally) a running
overgangsarrangement. Written through the ORM, so a test of one service is not a test of the others."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import Leerling, Onderinstroom, Overdrachtsdocument, Overgangsarrangement
from cases.onderinstroom.models.arrangement import einde_overgangsarrangement
from cases.onderinstroom.models.overdracht import Conclusie


def jong_kind(world, *, geboren=None, **extra) -> Leerling:
    vandaag = timezone.localdate()
    return Leerling.objects.create(
        swv=world.swv,
        voornaam=extra.pop("voornaam", "Pien"),
        achternaam=extra.pop("achternaam", "Peuterman"),
        geboortedatum=geboren or vandaag - timedelta(days=4 * 365 + 60),
        **extra,
    )


def onderinstroom_in(
    world, *, afgeleverd=True, arrangement=True, school=True, leerling=None
) -> Onderinstroom:
    vandaag = timezone.localdate()
    ll = leerling or jong_kind(world)
    ond = Onderinstroom.objects.create(
        swv=world.swv,
        leerling=ll,
        regio=world.regio,
        cjk=world.users["cjk"],
        cjk_betrokken_op=vandaag - timedelta(days=200),
        advies="Start op de basisschool met extra begeleiding in taal.",
        advies_op=vandaag - timedelta(days=150),
        school_van_aanmelding=world.school if school else None,
        aangemeld_op=vandaag - timedelta(days=100) if school else None,
    )
    if afgeleverd is not None:
        Overdrachtsdocument.objects.create(
            onderinstroom=ond,
            voorschoolse_voorziening="Peuterspeelzaal Het Testnest",
            beschrijving_kind="Vrolijk, houdt van bouwen.",
            ondersteuningsbehoefte="Kleine groep, vaste structuur.",
            conclusie=Conclusie.REGULIER_HGO,
            ouders_ondertekend_op=vandaag - timedelta(days=90),
            afgeleverd_op=timezone.now() - timedelta(days=80) if afgeleverd else None,
            afgeleverd_aan=world.school if afgeleverd else None,
        )
    if arrangement and school:
        start = vandaag - timedelta(days=60)
        Overgangsarrangement.objects.create(
            onderinstroom=ond,
            school=world.school,
            start=start,
            einde=einde_overgangsarrangement(start),
            extra_ondersteuning="Twee ochtenden per week een onderwijsassistent.",
            aangevraagd_door=world.users["sc"],
        )
    return ond
