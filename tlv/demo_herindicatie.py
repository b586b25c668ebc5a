"""Herindicatie demo [002 L815-825] (demo_data, after tlv.demo_inhoud): two generic pupils of the
demo schools get a TLV from two years ago and now a herindicatie.

- Optie 1 (everyone agrees, advice on the dossier): the OPP was last evaluated eight months ago,
  so the concept shows that the school must write a fresh zienswijze, with that date.
- Optie 2: the herindicatiegesprek is recorded, school and SC disagree; the two deskundigen give
  unanimous advice, yet the aanvraag lands on the TLA-vergadering, and the page says why.

Everything goes through the real services; fictitious pupils only. Idempotent: nothing is added
once the demo SWV has a herindicatie."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cases.dossier.models.opp import OPP
from cases.models import Leerling
from tlv import services
from tlv.demo_inhoud import (
    ALLE_JA,
    GEDEELD,
    SCHOOLTEAMS,
    _advies,
    _compleet_dossier,
    _document,
    _gebruikers,
    _onderteken,
    _ot,
    _papier_akkoord,
    _vers,
)
from tlv.models import Soort, TLAVergadering, TLVAanvraag
from tlv.models.herindicatie import GesprekUitkomst


def _opp(leerling, versie: int, datum: date, door, **velden) -> OPP:
    """A vastgesteld OPP version, signed on paper by the ouders with gezag."""
    plan = OPP.objects.create(
        leerling=leerling,
        versie=versie,
        datum=datum,
        zienswijze_ouders="Ouders zien vooruitgang in de kleine groep.",
        aangemaakt_door=door,
        **velden,
    )
    plan.vaststellen(door=door, op=timezone.now())
    plan.save()
    for ouder in leerling.ouders.filter(gezag=True):
        _papier_akkoord(plan, ouder, datum, door)
    return plan


def _dossier_met_oude_evaluatie(ll, door, vandaag: date) -> None:
    """OPP started three years ago, last evaluated eight months ago [002 L818]."""
    _ot(ll, "start", vandaag - timedelta(days=1000), door)
    _ot(
        ll,
        "vervolg",
        vandaag - timedelta(days=940),
        door,
        gesprek_bao_bao="Twee andere basisscholen gevraagd; geen van beide kan de kleine groep bieden.",
        gesprek_so_sbo="Sbo past: de leerbehoeften staan voorop.",
    )
    versie = OPP.objects.filter(leerling=ll).count()
    _opp(ll, versie + 1, vandaag - timedelta(days=1000), door)
    _opp(
        ll,
        versie + 2,
        vandaag - timedelta(days=240),
        door,
        evaluatie="De doelen voor rekenen en werkhouding zijn grotendeels gehaald.",
    )
    _document(ll, "lvs", "LVS-overzicht", vandaag - timedelta(days=240), door)


def _oude_tlv(g, ll, *, schoolsoort: str, categorie: str, ontvangen: date):
    """A TLV issued two years ago, through every step of the procedure."""
    ib, directeur, sc = (g[n] for n in SCHOOLTEAMS[ll.huidige_school.naam])
    a = services.maak_aanvraag(
        door=ib,
        leerling=ll,
        gevraagde_schoolsoort=schoolsoort,
        ouders_ondertekend_op=ontvangen - timedelta(days=3),
        **GEDEELD,
    )
    services.dien_in(aanvraag=a, door=directeur, op=ontvangen)
    _behandel(g, a, sc, ontvangen, schoolsoort=schoolsoort, categorie=categorie)
    _onderteken(_vers(a), g["bestuurder"], ontvangen + timedelta(days=18))


def _behandel(g, a, sc, ontvangen: date, *, schoolsoort: str, categorie: str) -> None:
    """From the formal check to the eindadvies sent on (3 days per step)."""

    def dag(n: int) -> date:
        return ontvangen + timedelta(days=3 * n)

    services.keur_formeel_goed(aanvraag=a, door=g["sll"], op=dag(1))
    services.leg_sc_oordeel_vast(aanvraag=a, door=sc, oordelen=ALLE_JA)
    services.keur_inhoudelijk_goed(aanvraag=a, door=sc, op=dag(2))
    services.wijs_deskundigen_toe(
        aanvraag=a, door=g["tla"], eerste=g["deskundige1"], tweede=g["deskundige2"], op=dag(3)
    )
    a = _vers(a)
    _advies(a, (schoolsoort, schoolsoort), op=dag(4))
    services.schrijf_eindadvies(
        aanvraag=a,
        door=g["deskundige1"],
        besluit="afgeven",
        schoolsoort=schoolsoort,
        categorie=categorie,
        periode="4-5",
        gemotiveerd_besluit="De leerling heeft instructie in een kleine groep en een aangepast tempo nodig.",
        doelen="Zelfstandig werken aan een taak; de leerdoelen van de eigen groep halen.",
    )
    services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"], op=dag(5))
    if _vers(a).status == "bij_voorzitter":
        services.leg_voor(aanvraag=a, door=g["tla"], op=dag(5))


def _optie1(g, ll, vandaag: date) -> TLVAanvraag:
    ib = g[SCHOOLTEAMS[ll.huidige_school.naam][0]]
    _dossier_met_oude_evaluatie(ll, ib, vandaag)
    _oude_tlv(g, ll, schoolsoort="sbo", categorie="", ontvangen=vandaag - timedelta(days=730))
    return services.maak_aanvraag(
        door=ib,
        leerling=ll,
        soort=Soort.HERINDICATIE,
        herindicatie_optie=1,
        gevraagde_schoolsoort="sbo",
        ouders_ondertekend_op=vandaag - timedelta(days=2),
        **GEDEELD,
    )


def _optie2(g, ll, vandaag: date) -> TLVAanvraag:
    ib, directeur, sc = (g[n] for n in SCHOOLTEAMS[ll.huidige_school.naam])
    _compleet_dossier(ll, ib, vandaag)
    _oude_tlv(g, ll, schoolsoort="so", categorie="laag", ontvangen=vandaag - timedelta(days=730))
    a = services.maak_aanvraag(
        door=ib,
        leerling=ll,
        soort=Soort.HERINDICATIE,
        herindicatie_optie=2,
        gevraagde_schoolsoort="so",
        ouders_ondertekend_op=vandaag - timedelta(days=16),
        **GEDEELD,
    )
    services.leg_gesprek_vast(
        aanvraag=a,
        door=sc,
        datum=vandaag - timedelta(days=20),
        ouders_aanwezig=True,
        school_aanwezig=True,
        sc_aanwezig=True,
        uitkomst=GesprekUitkomst.SCHOOL_SC_ONEENS,
        verslag="Ouders willen verlenging op het so. De school ziet mogelijkheden voor terugkeer naar het "
        "regulier onderwijs met een arrangement; de SC vindt het so nog nodig. School en SC komen niet "
        "tot overeenstemming.",
    )
    ontvangen = vandaag - timedelta(days=14)
    services.dien_in(aanvraag=a, door=directeur, op=ontvangen)
    _behandel(g, a, sc, ontvangen, schoolsoort="so", categorie="laag")
    datum = vandaag + timedelta(days=14)
    vergadering = TLAVergadering.objects.filter(swv=ll.swv, datum=datum).first() or services.plan_vergadering(
        door=g["tla"],
        swv=ll.swv,
        datum=datum,
        schooljaar=f"{datum.year - (datum.month < 8)}-{datum.year + (datum.month >= 8)}",
    )
    services.agendeer(aanvraag=_vers(a), door=g["tla"], vergadering=vergadering)
    return a


# Two fictitious pupils of the demo school, added here so the demo does not depend on how many
# generic pupils are left: (voornaam, achternaam, geboortedatum, groep, ouder).
LEERLINGEN = (
    ("Fenna", "Verlengd", date(2016, 5, 14), 5, "Marit Verlengd"),
    ("Jesse", "Herzien", date(2016, 11, 2), 5, "Tom Herzien"),
)


def _leerling(wereld, voornaam, achternaam, geboren, groep, ouder) -> Leerling:
    from cases.models import Inschrijving, Ouder

    school = wereld.scholen["OBS De Regenboog"]
    ll, nieuw = Leerling.objects.get_or_create(
        swv=wereld.swv,
        voornaam=voornaam,
        achternaam=achternaam,
        geboortedatum=geboren,
        defaults={
            "geslacht": "v" if voornaam == "Fenna" else "m",
            "woonplaats": school.gemeente.naam,
            "gemeente": school.gemeente,
            "thuistaal": "Nederlands",
            "huidige_school": school,
            "huidige_groep": groep,
        },
    )
    if nieuw:
        Ouder.objects.create(
            leerling=ll,
            naam=ouder,
            relatie="moeder" if voornaam == "Fenna" else "vader",
            gezag=True,
            ontvangt_brieven=True,
            adres=f"Demostraat {ll.pk % 97 + 1}",
            postcode_plaats=f"9999 DM {ll.woonplaats}",
            telefoon="06-00000000",
            email=f"ouder{ll.pk}@demo.example",
        )
        Inschrijving.objects.create(
            leerling=ll, school=school, groep=groep, van=date(geboren.year + 4, geboren.month, 1)
        )
    return ll


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    if TLVAanvraag.objects.filter(swv=wereld.swv, soort=Soort.HERINDICATIE).exists():
        return
    g = _gebruikers(wereld)
    vandaag = timezone.localdate()
    with transaction.atomic():
        een, twee = (_leerling(wereld, *rij) for rij in LEERLINGEN)
        _optie1(g, een, vandaag)
        _optie2(g, twee, vandaag)
    stdout.write(
        "  TLV: herindicaties optie 1 (actuele zienswijze nodig) en optie 2 (TLA-commissie) gebouwd."
    )
