"""Herindicatie demo [002 L814-826] (demo_data, after tlv.demo_inhoud): two fictitious pupils got a
TLV last school year through every step of the procedure, asked by their basisschool (OBS De
Regenboog), and were enrolled on the TLV's ingangsdatum at the sbo resp. so school. The TLV's end
with the current school year, so the sbo/so school now asks for the herindicatie, in time.

- Fenna (TLV sbo, SBO De Brug), optie 1: everyone agrees, advice on the dossier; the OPP was last
  evaluated eight months ago, so the concept shows that the school must write a fresh zienswijze.
- Jesse (TLV so laag, SO De Kompasroos), optie 2: the herindicatiegesprek is recorded, school and SC
  disagree; the two deskundigen give unanimous advice, yet the aanvraag lands on a coming
  TLA-vergadering, and the page says why.

Dates follow the current school year and every step, meeting and dossier date falls on a school day
(Mon–Fri), so the demo looks the same whenever it is built. Everything goes through the real
services; fictitious pupils and staff only. Idempotent: nothing is added once the demo SWV has a
herindicatie."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cases.demo import DEMO_WACHTWOORD
from cases.dossier.models.opp import OPP
from cases.models import Gebruiker, Leerling, Rol, RolSoort
from cases.services.inschrijving import schrijf_in
from tlv import services
from tlv.demo_inhoud import (
    ALLE_JA,
    GEDEELD,
    SCHOOLTEAMS,
    _advies,
    _document,
    _gebruikers,
    _onderteken,
    _ot,
    _papier_akkoord,
    _vers,
)
from tlv.models import TLV, Soort, TLAVergadering, TLVAanvraag
from tlv.models.herindicatie import GesprekUitkomst
from tlv.termijnen import schooljaar_einde

VERWIJZENDE_SCHOOL = "OBS De Regenboog"

# Staff of the sbo/so schools that ask for the herindicatie (password "demo"); the SC of their
# regio (Ede) is the demo's own SC: (username, voornaam, achternaam, rol, school).
MEDEWERKERS = [
    ("ib_brug", "Brechtje", "Bruggeman", RolSoort.IB, "SBO De Brug"),
    ("directeur_brug", "Bert", "Brugmans", RolSoort.DIRECTEUR, "SBO De Brug"),
    ("ib_kompasroos", "Roos", "Windhorst", RolSoort.IB, "SO De Kompasroos (cluster 4)"),
    ("directeur_kompasroos", "Koos", "Noorderveld", RolSoort.DIRECTEUR, "SO De Kompasroos (cluster 4)"),
]
TEAMS = {  # geen-rol: gebruikersnamen van de demowereld
    "SBO De Brug": ("ib_brug", "directeur_brug", "sc"),
    "SO De Kompasroos (cluster 4)": ("ib_kompasroos", "directeur_kompasroos", "sc"),
}

# What the sbo/so school writes in a herindicatie (not the basisschool's "why not regular").
HERINDICATIE = {
    **GEDEELD,
    "waarom_niet_regulier": "De leerling heeft de kleine groep, de vaste volwassenen en het aangepaste "
    "tempo van deze school nog nodig; terugkeer naar het regulier onderwijs is besproken en is nu niet "
    "passend.",
    "zienswijze_ouders": "Ouders zien dat hun kind op deze school tot leren komt en willen dat dit zo "
    "blijft.",
}


def schooldag(d: date, *, later: bool = False) -> date:
    """`d` itself on Monday–Friday; a Saturday or Sunday moves to the Friday before, or with
    `later` to the Monday after. Steps and meetings of the demo fall on school days."""
    if d.weekday() < 5:
        return d
    if later:
        return d + timedelta(days=7 - d.weekday())
    return d - timedelta(days=d.weekday() - 4)


def _medewerker(wereld, username, voornaam, achternaam, soort, school_naam) -> Gebruiker:
    user = Gebruiker.objects.filter(username=username).first()
    if user is None:
        user = Gebruiker(
            username=username,
            first_name=voornaam,
            last_name=achternaam,
            email=f"{username}@vallei-rijn.example",
        )
        user.set_password(DEMO_WACHTWOORD)
        user.save()
    Rol.objects.get_or_create(gebruiker=user, soort=soort, swv=wereld.swv, school=wereld.scholen[school_naam])
    return user


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


def _dossier_basisschool(ll, door, vandaag: date, *, evaluatie: date, evaluator=None) -> None:
    """The basisschool's dossier: OPP started almost three years ago, OT's with the SC, the OPP
    evaluated on `evaluatie` [002 L818] (by `evaluator`, the sbo school once the pupil is there)."""
    _ot(ll, "start", schooldag(vandaag - timedelta(days=1000)), door)
    _ot(
        ll,
        "vervolg",
        schooldag(vandaag - timedelta(days=940)),
        door,
        gesprek_bao_bao="Twee andere basisscholen gevraagd; geen van beide kan de kleine groep bieden.",
        gesprek_so_sbo="Sbo past: de leerbehoeften staan voorop.",
    )
    versie = OPP.objects.filter(leerling=ll).count()
    _opp(ll, versie + 1, schooldag(vandaag - timedelta(days=1000)), door)
    _opp(
        ll,
        versie + 2,
        evaluatie,
        evaluator or door,
        evaluatie="De doelen voor rekenen en werkhouding zijn grotendeels gehaald.",
    )
    _document(ll, "lvs", "LVS-overzicht", evaluatie, evaluator or door)


def _dossier_so(ll, door, vandaag: date) -> None:
    """The so school's own dossier since the placement: an OT with the SC, the OPP evaluated six
    weeks ago with the ouders' zienswijze, a recent LVS overview."""
    _ot(
        ll,
        "vervolg",
        schooldag(vandaag - timedelta(days=60)),
        door,
        gesprek_bao_bao="Terugkeer naar een basisschool besproken; nu nog niet haalbaar.",
        gesprek_so_sbo="Het so blijft passend; sbo is afgewogen.",
    )
    versie = OPP.objects.filter(leerling=ll).count()
    _opp(
        ll,
        versie + 1,
        schooldag(vandaag - timedelta(days=45)),
        door,
        evaluatie="Jesse werkt langer zelfstandig; de doelen voor sociaal gedrag zijn deels gehaald.",
    )
    _document(ll, "lvs", "LVS-overzicht so", schooldag(vandaag - timedelta(days=40)), door)


def _behandel(g, a, sc, ontvangen: date, *, schoolsoort: str, categorie: str, periode: str) -> None:
    """From the formal check to the eindadvies sent on: a step every three days, on a school day."""

    def dag(n: int) -> date:
        return schooldag(ontvangen + timedelta(days=3 * n))

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
        periode=periode,
        gemotiveerd_besluit="De leerling heeft instructie in een kleine groep en een aangepast tempo nodig.",
        doelen="Zelfstandig werken aan een taak; de leerdoelen van de eigen groep halen.",
    )
    services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"], op=dag(5))
    if _vers(a).status == "bij_voorzitter":
        services.leg_voor(aanvraag=a, door=g["tla"], op=dag(5))


def _oude_tlv(g, ll, *, schoolsoort: str, categorie: str, ontvangen: date, einde: date) -> TLV:
    """The TLV the basisschool asked for last spring (groep 4, periode groep 4–5), decided in May:
    it starts on 1 August (the next instroommoment, groep 5) and ends on 31 July of the current
    school year [002 §1.16, §1.20]."""
    ib, directeur, sc = (g[n] for n in SCHOOLTEAMS[VERWIJZENDE_SCHOOL])
    a = services.maak_aanvraag(
        door=ib,
        leerling=ll,
        gevraagde_schoolsoort=schoolsoort,
        ouders_ondertekend_op=schooldag(ontvangen - timedelta(days=3)),
        **GEDEELD,
    )
    services.dien_in(aanvraag=a, door=directeur, op=ontvangen)
    _behandel(g, a, sc, ontvangen, schoolsoort=schoolsoort, categorie=categorie, periode="4-5")
    _onderteken(_vers(a), g["bestuurder"], schooldag(ontvangen + timedelta(days=18)))
    tlv = TLV.objects.get(aanvraag=a)
    if tlv.einddatum != einde:  # the demo's story needs the TLV to end with this school year
        raise AssertionError(f"TLV {tlv.kenmerk} loopt tot {tlv.einddatum}, niet tot {einde}.")
    return tlv


def _plaats(g, ll, tlv: TLV, school_naam: str, wereld) -> None:
    """Enrol at the sbo/so school on the TLV's ingangsdatum; both schools report the change to DUO
    on the next school day but one [002 L194, L252]."""
    from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
    from verzuim.services.duo import duo_gemeld
    from verzuim.termijnen import DUO_MELDING

    schrijf_in(leerling=ll, school=wereld.scholen[school_naam], groep=5, van=tlv.ingangsdatum)
    melders = {
        wereld.scholen[VERWIJZENDE_SCHOOL].pk: g[SCHOOLTEAMS[VERWIJZENDE_SCHOOL][0]],
        wereld.scholen[school_naam].pk: g[TEAMS[school_naam][0]],
    }
    for t in Termijn.objects.filter(soort=DUO_MELDING, leerling=ll, status__in=OPEN_STATUSSEN):
        duo_gemeld(
            termijn=t, gemeld_op=schooldag(t.start + timedelta(days=2), later=True), door=melders[t.school_id]
        )


def _optie1(g, wereld, ll, vandaag: date, einde: date) -> TLVAanvraag:
    school = "SBO De Brug"
    ingang = date(einde.year - 1, 8, 1)
    evaluatie = schooldag(vandaag - timedelta(days=240))  # eight months ago [002 L818]
    bao_ib = g[SCHOOLTEAMS[VERWIJZENDE_SCHOOL][0]]
    sbo_ib = g[TEAMS[school][0]]
    _dossier_basisschool(
        ll, bao_ib, vandaag, evaluatie=evaluatie, evaluator=bao_ib if evaluatie < ingang else sbo_ib
    )
    tlv = _oude_tlv(
        g, ll, schoolsoort="sbo", categorie="", ontvangen=schooldag(date(ingang.year, 4, 20)), einde=einde
    )
    _plaats(g, ll, tlv, school, wereld)
    return services.maak_aanvraag(
        door=g[TEAMS[school][0]],
        leerling=_vers_ll(ll),
        soort=Soort.HERINDICATIE,
        herindicatie_optie=1,
        gevraagde_schoolsoort="sbo",
        ouders_ondertekend_op=schooldag(vandaag - timedelta(days=2)),
        **HERINDICATIE,
    )


def _optie2(g, wereld, ll, vandaag: date, einde: date) -> TLVAanvraag:
    school = "SO De Kompasroos (cluster 4)"
    ingang = date(einde.year - 1, 8, 1)
    _dossier_basisschool(
        ll, g[SCHOOLTEAMS[VERWIJZENDE_SCHOOL][0]], vandaag, evaluatie=schooldag(date(ingang.year, 3, 16))
    )
    tlv = _oude_tlv(
        g, ll, schoolsoort="so", categorie="laag", ontvangen=schooldag(date(ingang.year, 4, 27)), einde=einde
    )
    _plaats(g, ll, tlv, school, wereld)
    ib, directeur, sc = (g[n] for n in TEAMS[school])
    ll = _vers_ll(ll)
    _dossier_so(ll, ib, vandaag)
    a = services.maak_aanvraag(
        door=ib,
        leerling=ll,
        soort=Soort.HERINDICATIE,
        herindicatie_optie=2,
        gevraagde_schoolsoort="so",
        ouders_ondertekend_op=schooldag(vandaag - timedelta(days=24)),
        **HERINDICATIE,
    )
    services.leg_gesprek_vast(
        aanvraag=a,
        door=sc,
        datum=schooldag(vandaag - timedelta(days=28)),
        ouders_aanwezig=True,
        school_aanwezig=True,
        sc_aanwezig=True,
        uitkomst=GesprekUitkomst.SCHOOL_SC_ONEENS,
        verslag="Ouders willen verlenging op het so. De school ziet mogelijkheden voor terugkeer naar het "
        "regulier onderwijs met een arrangement; de SC vindt het so nog nodig. School en SC komen niet "
        "tot overeenstemming.",
    )
    ontvangen = schooldag(vandaag - timedelta(days=21))
    services.dien_in(aanvraag=a, door=directeur, op=ontvangen)
    _behandel(g, a, sc, ontvangen, schoolsoort="so", categorie="laag", periode="6-8")
    datum = schooldag(vandaag + timedelta(days=14), later=True)
    vergadering = TLAVergadering.objects.filter(swv=ll.swv, datum=datum).first() or services.plan_vergadering(
        door=g["tla"],
        swv=ll.swv,
        datum=datum,
        schooljaar=f"{datum.year - (datum.month < 8)}-{datum.year + (datum.month >= 8)}",
    )
    services.agendeer(aanvraag=_vers(a), door=g["tla"], vergadering=vergadering)
    return a


def _vers_ll(ll) -> Leerling:
    return Leerling.objects.get(pk=ll.pk)


# Two fictitious pupils of the basisschool, added here so the demo does not depend on how many
# generic pupils are left: (voornaam, achternaam, (years before the current school year, month,
# day) of birth, ouder). Both were in groep 4 last school year and are in groep 5 now.
LEERLINGEN = (
    ("Fenna", "Verlengd", (8, 5, 14), "Marit Verlengd"),
    ("Jesse", "Herzien", (8, 2, 2), "Tom Herzien"),
)


def _leerling(wereld, voornaam, achternaam, geboren, ouder, *, einde: date) -> Leerling:
    from cases.models import Inschrijving, Ouder

    school = wereld.scholen[VERWIJZENDE_SCHOOL]
    jaren, maand, dag = geboren
    geboortedatum = date(einde.year - 1 - jaren, maand, dag)
    ll, nieuw = Leerling.objects.get_or_create(
        swv=wereld.swv,
        voornaam=voornaam,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        defaults={
            "geslacht": "v" if voornaam == "Fenna" else "m",
            "woonplaats": school.gemeente.naam,
            "gemeente": school.gemeente,
            "thuistaal": "Nederlands",
            "huidige_school": school,
            "huidige_groep": 4,
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
        # History at the basisschool (groep 1 from the month she turned four), written as a row.
        Inschrijving.objects.create(
            leerling=ll, school=school, groep=4, van=date(geboortedatum.year + 4, geboortedatum.month, 1)
        )
    return ll


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    if TLVAanvraag.objects.filter(swv=wereld.swv, soort=Soort.HERINDICATIE).exists():
        return
    g = _gebruikers(wereld)
    vandaag = timezone.localdate()
    einde = schooljaar_einde(vandaag)  # the old TLV's end: 31 July of the current school year
    with transaction.atomic():
        for rij in MEDEWERKERS:
            g[rij[0]] = _medewerker(wereld, *rij)
        een, twee = (_leerling(wereld, *rij, einde=einde) for rij in LEERLINGEN)
        _optie1(g, wereld, een, vandaag, einde)
        _optie2(g, wereld, twee, vandaag, einde)
    stdout.write(
        "  TLV: herindicaties optie 1 (actuele zienswijze nodig) en optie 2 (TLA-commissie) gebouwd."
    )
