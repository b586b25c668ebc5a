"""Lotte (scenario 4): her interventietraject from melding to a definitive so-place, closed."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from cases.demo.interventie.hulp import CRITERIA, _afspraak, _bijeenkomst, _directeur_van, _plaats
from cases.interventie.models.traject import TeamRol, TrajectStatus
from cases.interventie.services import traject as svc
from cases.models import Interventietraject, Leerling
from cases.termijnen import services as termijn_svc

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
    # The TLV so that the placement needs [002 L194]: decided on 2 April, valid from the placement.
    from tlv.demo_plaatsing import tlv_voor_plaatsing

    tlv_voor_plaatsing(
        leerling=lotte,
        verwijzende_school=kompas,
        door=directeur,
        schoolsoort="so",
        categorie="midden",
        besluit_op=date(2026, 4, 2),
        ingang=date(2026, 4, 7),
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
