"""Demo: a verwijdering in its bezwaar phase [issue 16.12; 004 L640-652, L726-811].

A generic pupil of OBS Het Kompas (openbaar). Relative to today, so the story holds on any day: the
decision was sent nine weeks ago, the ouders' bezwaar arrived a week after the bezwaartermijn and the
directeur judged that verschoonbaar; the ouders were heard five days ago and signed the hoorverslag
'voor gezien', the directie has not yet — so the decision on the bezwaar is not yet possible and its
four-week term (from receipt) runs. One school was asked to admit and declined. Idempotent. All names
fictitious."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import Gebruiker, Leerling
from verzuim.models import Verwijdering
from verzuim.models.maatregelen import Zoekpoging
from verzuim.models.maatregelmeldingen import MeldWijze


def _leerling(wereld, school):
    from cases.demo.inhoud import SCENARIO_LEERLINGEN

    kandidaten = Leerling.objects.filter(swv=wereld.swv, huidige_school=school)
    for sc in SCENARIO_LEERLINGEN.values():  # a generic pupil, not one of the scenarios
        kandidaten = kandidaten.exclude(voornaam=sc.voornaam, achternaam=sc.achternaam)
    return kandidaten.order_by("pk").first()


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    from verzuim.services import bezwaar_verwijdering as bsvc
    from verzuim.services import verwijdering as vsvc

    school = wereld.scholen.get("OBS Het Kompas")
    directeur = Gebruiker.objects.filter(username="directeur.kompas").first()
    if school is None or directeur is None:
        return
    if Verwijdering.objects.filter(school=school).exists():
        return
    ll = _leerling(wereld, school)
    if ll is None:
        return
    vandaag = timezone.localdate()

    def dag(n: int):
        """n days ago, moved back to the Friday before when that is a weekend day."""
        d = vandaag - timedelta(days=n)
        return d - timedelta(days=max(0, d.weekday() - 4))

    v = vsvc.start_verwijdering(
        leerling=ll,
        aanleiding="Sinds september vijf ernstige incidenten waarbij medeleerlingen gewond raakten. "
        "Arrangement met gedragsspecialist en aangepast rooster zijn ingezet; de veiligheid in de groep "
        "blijft in het geding.",
        ouders_geinformeerd_op=dag(75),
        door=directeur,
        vandaag=dag(75),
    )
    vsvc.hoor(
        verwijdering=v,
        wie="leerkracht",
        op=dag(70),
        verslag="De leerkracht beschrijft de incidenten en de ingezette ondersteuning.",
        door=directeur,
    )
    vsvc.hoor(
        verwijdering=v,
        wie="ouders",
        op=dag(68),
        verslag="Ouders begrijpen de zorg, maar vinden dat de school te snel opgeeft.",
        door=directeur,
    )
    v = vsvc.besluit_verwijdering(
        verwijdering=v,
        motivering="De school kan de veiligheid van de leerling en de groep niet langer waarborgen; de "
        "ondersteuning die nodig is gaat het schoolondersteuningsprofiel te boven.",
        door=directeur,
        vandaag=dag(63),
    )
    from verzuim.services.maatregelmeldingen import leg_melding_vast

    for melding in v.meldingen.all():  # the school reported to leerplicht and inspectie [issue 16.11]
        leg_melding_vast(
            melding=melding, gemeld_op=dag(62), wijze=MeldWijze.MAIL, door=directeur, vandaag=dag(62)
        )
    vsvc.leg_zoekpoging_vast(
        verwijdering=v,
        school="SBO De Vlinder",
        benaderd_op=dag(55),
        antwoord=Zoekpoging.Antwoord.AFGEWEZEN,
        antwoord_op=dag(45),
        toelichting="Geen TLV sbo; eerst via het samenwerkingsverband.",
        door=directeur,
    )
    v = bsvc.registreer_bezwaar(
        verwijdering=v,
        ontvangen_op=dag(14),
        verschoonbaar=True,
        verschoonbaar_reden="Vader verbleef drie weken in het buitenland bij een ernstig zieke grootouder; "
        "de aangetekende brief lag al die tijd bij de buren.",
        door=directeur,
    )
    bsvc.hoor_op_bezwaar(
        verwijdering=v,
        gehoord_op=dag(5),
        hoorverslag="Ouders vragen een tweede kans in een andere groep met een vaste begeleider. De "
        "directeur zegt toe dit met het samenwerkingsverband te bespreken.",
        gezien_ouders_op=dag(4),
        gezien_directie_op=None,
        door=directeur,
    )
    stdout.write(
        f"  verzuim: verwijdering van {ll.voornaam} (OBS Het Kompas) in bezwaar – te laat maar "
        "verschoonbaar, ouders gehoord; hoorverslag wacht op de handtekening van de directie"
    )
