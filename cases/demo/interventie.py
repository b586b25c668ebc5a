# Over 500 lines: one linear script of fictitious demo trajecten; split per scenario with the rest
# of issue 15 (left open).
"""Demo content for interventietrajecten and arrangementen [issue 7]. Everything is fictitious.

- Lotte (scenario 4): reported on Tue 3 Feb 2026 after a time-out and a threatening verwijdering;
  first meeting Mon 9 Feb (the norm ends Tue 10 Feb); other class (failed), a temporary place at
  another school of the same bestuur with doel, duur and middelen, then a definitive so-place after
  a TLV; agreements with owners; evaluated and closed.
- An open traject at the demo directeur's school with a temporary placement and open agreements for
  the demo IB'er and SC (one overdue), so "Mijn werk" shows them.
- A traject just started by a schorsing (the prompt), waiting for the SWV to compose the team.
- Arrangementen in regio Ede (one near its maximum) and a budget per regio for this year.

Built through the services (so the audit log and every rule apply). Idempotent: a pupil who already
has a traject or arrangement of that kind is left alone."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.interventie.models.arrangementen import DUURREGELS, ArrangementBudget, ArrangementSoort
from cases.interventie.models.traject import Onderzoeksverslagen, TeamRol, TrajectStatus
from cases.interventie.services import arrangementen as arr_svc
from cases.interventie.services import traject as svc
from cases.models import Arrangement, Gebruiker, Interventietraject, Leerling, Rol, RolSoort
from cases.termijnen import services as termijn_svc

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


LOTTE_TOELICHTING = (
    "Time-out op di 3 feb 2026 na een explosie in de klas; schorsing van drie dagen vanaf wo 4 feb 2026 "
    "(gemeld bij leerplicht en inspectie). Verwijdering dreigt."
)


@transaction.atomic
def _lotte(wereld, stdout) -> None:
    from cases.demo.inhoud import demo_leerling

    try:
        lotte = demo_leerling(wereld.swv, "Lotte")
    except Leerling.DoesNotExist:
        stdout.write("Interventie-demo: Lotte ontbreekt (cases.demo.inhoud liep niet); overgeslagen.")
        return
    bestaand = Interventietraject.objects.filter(leerling=lotte).order_by("-pk").first()
    if bestaand is not None and (bestaand.status != TrajectStatus.AANGEMELD or bestaand.teamleden.exists()):
        return
    g = wereld.gebruikers
    scholen = wereld.scholen
    kompas = lotte.huidige_school
    directeur = _directeur_van(kompas, wereld)
    bestuurder, sc = g["bestuurder"], g["sc"]
    if bestaand is None:
        t = svc.meld_aan(
            leerling=lotte,
            door=directeur,
            gemeld_op=date(2026, 2, 3),
            aanleiding="dreigende_verwijdering",
            aanleiding_toelichting=LOTTE_TOELICHTING,
            criteria=CRITERIA,
        )
    else:  # started by the verzuim demo's schorsing: date it as in the scenario and complete it
        oud = svc.open_termijn(bestaand)
        if oud is not None:
            termijn_svc.stop(
                termijn=oud,
                op=max(oud.start, timezone.localdate()),
                reden="De melding is gedateerd op de dag van de time-out; de termijn loopt vanaf die dag.",
            )
        Interventietraject.objects.filter(pk=bestaand.pk).update(
            gemeld_op=date(2026, 2, 3), aanleiding_toelichting=LOTTE_TOELICHTING
        )
        bestaand.refresh_from_db()
        t = svc.leg_criteria_vast(traject=bestaand, door=directeur, criteria=CRITERIA)
        svc.start_termijn_eerste_bijeenkomst(t, door=directeur, request=None)
    svc.voeg_teamlid_toe(traject=t, rol=TeamRol.DIRECTEUR_SWV, gebruiker=bestuurder, door=bestuurder)
    svc.voeg_teamlid_toe(
        traject=t,
        rol=TeamRol.GEDRAGSSPECIALIST,
        gebruiker=g.get("deskundige1"),
        naam="" if g.get("deskundige1") else "Gedragsspecialist SWV",
        door=bestuurder,
    )
    if g.get("lpa"):
        svc.voeg_teamlid_toe(traject=t, rol=TeamRol.LEERZAKEN_GEMEENTE, gebruiker=g["lpa"], door=bestuurder)
    svc.voeg_teamlid_toe(
        traject=t,
        rol=TeamRol.JEUGDVERPLEEGKUNDIGE,
        naam="Joke Verpleegveld",
        organisatie="Jeugdgezondheidszorg Vallei",
        door=bestuurder,
    )
    svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=bestuurder)

    b1 = _bijeenkomst(
        t,
        directeur,
        date(2026, 2, 9),
        verslag=(
            "Moeder vertelt over de spanning thuis na de zomer. Het team ziet een meisje dat veiligheid en "
            "voorspelbaarheid nodig heeft. Terug naar dezelfde groep is nu niet veilig."
        ),
        advies_setting="Tijdelijk een andere groep op de eigen school, met een vaste begeleider.",
        advies_vervolg="Over vier weken opnieuw met het interventieteam; daarna het OT.",
    )
    _afspraak(
        t,
        b1,
        directeur,
        "Onderwijsplan voor de andere groep opstellen en met moeder bespreken",
        eigenaar=directeur,
        uiterlijk=date(2026, 2, 13),
        bewaker=bestuurder,
        afgerond=date(2026, 2, 12),
    )
    _afspraak(
        t,
        b1,
        directeur,
        "Signaleringsplan van thuis delen met de school",
        eigenaar_naam="moeder",
        uiterlijk=date(2026, 2, 11),
        bewaker=directeur,
        afgerond=date(2026, 2, 11),
    )
    svc.voer_overgang_uit(traject=t, overgang="start", door=directeur)

    p2 = _plaats(
        t,
        directeur,
        2,
        redenen={
            1: "De escalaties ontstonden in de eigen groep; terug naar dezelfde leerkracht is nu niet veilig."
        },
        setting="groep 6b met een vaste begeleider",
        doel="Rust en voorspelbaarheid op de eigen school",
        startdatum=date(2026, 2, 10),
        einddatum=date(2026, 2, 27),
        middelen="Begeleider uit de eigen formatie",
        akkoord_ontvangende_school=True,
        akkoord_door=f"{directeur.get_full_name()}, directeur",
        akkoord_op=date(2026, 2, 9),
    )
    svc.beeindig_plaatsing(
        plaatsing=p2,
        door=directeur,
        op=date(2026, 2, 18),
        toelichting="Ook in de andere groep liep de spanning binnen een week weer op.",
    )
    ontvanger = scholen.get("OBS De Regenboog")
    p3 = _plaats(
        t,
        bestuurder,
        3,
        school=ontvanger,
        setting="groep 6 met buddy, halve dagen opbouwend naar hele dagen",
        doel="Veilig leren in een kleine, voorspelbare setting en zicht op de passende plek",
        startdatum=date(2026, 2, 23),
        einddatum=date(2026, 4, 3),
        middelen="Buddy 12 uur per week (SWV); ambulant begeleider cluster 4, 2 uur per week",
        akkoord_ontvangende_school=True,
        akkoord_door="Dirk Teunisse, directeur",
        akkoord_op=date(2026, 2, 19),
    )
    _afspraak(
        t,
        b1,
        directeur,
        "Buddy regelen voor de tijdelijke plaatsing",
        eigenaar=sc,
        uiterlijk=date(2026, 2, 20),
        bewaker=directeur,
        afgerond=date(2026, 2, 19),
    )
    b2 = _bijeenkomst(
        t,
        directeur,
        date(2026, 3, 9),
        verslag="Lotte functioneert rustiger met de buddy. Het team adviseert een TLV so cluster 4.",
        advies_setting="Tijdelijke plaatsing voortzetten tot de TLV er is.",
        advies_vervolg="TLV-aanvraag via het OT; daarna plaatsing op so.",
    )
    _afspraak(
        t,
        b2,
        directeur,
        "TLV-aanvraag so voorbereiden: OPP bijwerken en ouders laten tekenen",
        eigenaar=directeur,
        uiterlijk=date(2026, 3, 20),
        bewaker=bestuurder,
        afgerond=date(2026, 3, 19),
    )
    svc.beeindig_plaatsing(
        plaatsing=p3,
        door=directeur,
        op=date(2026, 4, 3),
        toelichting="Rustiger verlopen; de TLV so (cluster 4) is afgegeven.",
    )
    so = scholen.get("SO De Kompasroos (cluster 4)")
    p6 = _plaats(
        t,
        bestuurder,
        6,
        school=so,
        redenen={
            4: "Het team ziet geen reguliere school die biedt wat Lotte nodig heeft.",
            5: "Via de CLO direct naar so geadviseerd; een tussensetting zou een vierde wissel zijn.",
        },
        setting="so cluster 4, groep Zon",
        doel="Een passende, blijvende plek",
        startdatum=date(2026, 4, 7),
        einddatum=date(2026, 7, 10),
        middelen="TLV so cluster 4",
        akkoord_ontvangende_school=True,
        akkoord_door="directeur SO De Kompasroos",
        akkoord_op=date(2026, 4, 1),
    )
    svc.plaats_definitief(
        plaatsing=p6,
        door=bestuurder,
        per=date(2026, 4, 7),
        groep=6,
        toelichting="Ingeschreven op het so na afgifte van de TLV.",
    )
    _bijeenkomst(
        t, directeur, date(2026, 4, 14), verslag="Slotbespreking: de start op het so is goed verlopen."
    )
    svc.voer_overgang_uit(traject=t, overgang="naar_evaluatie", door=directeur)
    svc.leg_evaluatie_vast(
        traject=t,
        door=bestuurder,
        afsluiten=True,
        beginsituatie="Derde school in twee jaar; time-out en schorsing; verwijdering dreigde.",
        proces="Vier bijeenkomsten; ouders vooraf geïnformeerd over wie er aan tafel zat; één regisseur.",
        verloop="Andere groep mislukt; tijdelijke plaatsing met buddy gaf rust; TLV so afgegeven.",
        oplossing="Definitief geplaatst op SO De Kompasroos per di 7 apr 2026.",
        vervolg="OT van de so-school",
    )
    Interventietraject.objects.filter(pk=t.pk).update(afgesloten_op=date(2026, 4, 17))


def _vrije_leerlingen(wereld, school, n: int) -> list[Leerling]:
    return list(
        Leerling.objects.filter(swv=wereld.swv, huidige_school=school)
        .exclude(voornaam__in=SCENARIO_NAMEN)
        .order_by("pk")[:n]
    )


@transaction.atomic
def _open_trajecten(wereld, stdout) -> None:
    g = wereld.gebruikers
    regenboog = wereld.scholen["OBS De Regenboog"]
    directeur, bestuurder = g["directeur"], g["bestuurder"]
    kandidaten = _vrije_leerlingen(wereld, regenboog, 2)
    if len(kandidaten) < 2:
        stdout.write("Interventie-demo: te weinig leerlingen op OBS De Regenboog voor open trajecten.")
        return
    vandaag = timezone.localdate()
    eerste, tweede = kandidaten
    if not Interventietraject.objects.filter(leerling=eerste).exists():
        t = svc.meld_aan(
            leerling=eerste,
            door=directeur,
            gemeld_op=vandaag - timedelta(days=21),
            aanleiding="dreigende_schorsing",
            aanleiding_toelichting="Herhaald fysiek geweld op het plein; de school ziet geen reguliere route meer.",  # noqa: E501
            criteria={**CRITERIA, "onderzoeksverslagen": Onderzoeksverslagen.GEEN},
        )
        svc.voeg_teamlid_toe(traject=t, rol=TeamRol.DIRECTEUR_SWV, gebruiker=bestuurder, door=bestuurder)
        svc.voeg_teamlid_toe(
            traject=t,
            rol=TeamRol.GEDRAGSSPECIALIST,
            gebruiker=g.get("deskundige1"),
            naam="" if g.get("deskundige1") else "Gedragsspecialist SWV",
            door=bestuurder,
        )
        svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=bestuurder)
        b = _bijeenkomst(
            t,
            directeur,
            vandaag - timedelta(days=16),
            verslag="Het team adviseert zes weken een andere school van hetzelfde bestuur, met begeleiding.",
            advies_setting="Tijdelijk OBS Het Kompas, groep 5",
            advies_vervolg="Evaluatie met het team na vier weken",
        )
        svc.voer_overgang_uit(traject=t, overgang="start", door=directeur)
        _plaats(
            t,
            directeur,
            3,
            school=wereld.scholen["OBS Het Kompas"],
            redenen={
                1: "Incidenten in de eigen groep; eerst afstand nodig.",
                2: "De enige parallelgroep zit vol en heeft dezelfde pleintijden.",
            },
            setting="groep 5, met een vaste begeleider op het plein",
            doel="Weer veilig spelen en leren",
            startdatum=vandaag - timedelta(days=10),
            einddatum=vandaag + timedelta(days=32),
            middelen="Pleinbegeleider 6 uur per week (SWV)",
            akkoord_ontvangende_school=True,
            akkoord_door="directeur OBS Het Kompas",
            akkoord_op=vandaag - timedelta(days=12),
        )
        _afspraak(
            t,
            b,
            directeur,
            "Gesprek met ouders over de eerste week op de andere school",
            eigenaar=g["ib"],
            uiterlijk=vandaag - timedelta(days=2),
            bewaker=directeur,
        )
        _afspraak(
            t,
            b,
            directeur,
            "Pleinbegeleiding evalueren met de gedragsspecialist",
            eigenaar=g["sc"],
            uiterlijk=vandaag + timedelta(days=7),
            bewaker=directeur,
        )
    if not Interventietraject.objects.filter(leerling=tweede).exists():
        svc.start_interventie_prompt(leerling=tweede, aanleiding="schorsing", door=directeur)


@transaction.atomic
def _arrangementen(wereld, stdout) -> None:
    g = wereld.gebruikers
    vandaag = timezone.localdate()
    regio_ede = wereld.regios["Ede"]
    for regio in wereld.regios.values():
        if not ArrangementBudget.objects.filter(regio=regio, jaar=vandaag.year).exists():
            arr_svc.stel_budget_in(
                regio=regio,
                jaar=vandaag.year,
                bedrag=Decimal("12000") if regio == regio_ede else Decimal("10000"),
                door=g["bestuurder"],
            )
    ede_scholen = [s for s in wereld.scholen.values() if s.regio_id == regio_ede.pk and s.soort == "bao"]
    kandidaten = list(
        Leerling.objects.filter(swv=wereld.swv, huidige_school__in=ede_scholen)
        .exclude(voornaam__in=SCENARIO_NAMEN)
        .exclude(interventietrajecten__isnull=False)
        .order_by("-pk")[:5]
    )
    if len(kandidaten) < 5:
        stdout.write("Interventie-demo: te weinig leerlingen in regio Ede voor arrangementen.")
        return
    plan = {
        "doel": "De leerling leert weer in een passende setting; terugkeer naar de eigen school is het doel.",
        "ondersteuningsbehoefte": "Voorspelbaarheid, korte instructies, een vaste begeleider en een rustige werkplek.",  # noqa: E501
        "communicatieafspraken": "Elke vrijdag kort contact tussen beide scholen; ouders om de twee weken.",
    }
    start_obs = vandaag - timedelta(days=80)
    regels = [
        (
            ArrangementSoort.OBSERVATIE,
            start_obs,
            DUURREGELS[ArrangementSoort.OBSERVATIE].max_einde(start_obs),
            wereld.scholen["SBO De Brug"],
            None,
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 2, 2),
            date(vandaag.year, 7, 10),
            None,
            Decimal("4500"),
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 3, 16),
            date(vandaag.year, 12, 18),
            None,
            Decimal("6000"),
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 9, 7),
            date(vandaag.year, 12, 18),
            None,
            Decimal("3200"),
        ),
        (
            ArrangementSoort.HGO_DESKUNDIGHEID,
            date(vandaag.year, 9, 14),
            date(vandaag.year + 1, 1, 29),
            None,
            None,
        ),
    ]
    for leerling, (soort, start, einde, school, bedrag) in zip(kandidaten, regels, strict=True):
        if Arrangement.objects.filter(leerling=leerling, soort=soort).exists():
            continue
        arr_svc.maak_arrangement(
            leerling=leerling,
            soort=soort,
            start=start,
            einde=einde,
            uitvoerende_school=school,
            bedrag=bedrag,
            door=g["sc"],
            **plan,
        )


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    """Entry point for `manage.py demo_data` (after cases.demo.inhoud). Idempotent."""
    _lotte(wereld, stdout)
    _open_trajecten(wereld, stdout)
    _arrangementen(wereld, stdout)
    stdout.write(
        f"Interventie-demo: {Interventietraject.objects.filter(swv=wereld.swv).count()} interventietrajecten, "  # noqa: E501
        f"{Arrangement.objects.filter(swv=wereld.swv).count()} arrangementen."
    )
