"""Demo content for the onderinstroom [issue 16.10]. Everything is fictitious; dates follow today.

- Jesse Bloemhof (4 jaar): the CJK was involved at 3,5 by Kinderopvang De Speeltuin, gave her advice
  and handed over to the SC; the overdrachtsdocument was delivered to OBS De Regenboog (the demo
  school) and seen there; an overgangsarrangement started two months ago runs there, its evaluation
  due in about four months (visible on the school's, the SC's and the CJK's "Mijn werk").
- Noa Vlinderveld (3 jaar en 10 maanden): CJK advice, a delivered overdrachtsdocument with the
  conclusion "aanvraag TLV SBO", not yet opened by the school.
- Daan Kruimelaar (3 jaar en 2 maanden): in beeld, 3,5 years not yet reached.

Built through the services, so every rule and the audit log apply. Idempotent: a child who already
has an onderinstroom is left alone."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import Leerling, Onderinstroom, Overdrachtsdocument
from cases.onderinstroom.models.onderinstroom import drie_en_half_jaar_op
from cases.onderinstroom.models.overdracht import Conclusie, TypeVoorziening
from cases.onderinstroom.services import arrangement as arr_svc
from cases.onderinstroom.services import document as doc_svc
from cases.onderinstroom.services import kind as kind_svc

VOORSCHOOL = "Kinderopvang De Speeltuin"
SCHOOL = "OBS De Regenboog"


def _document(naam: str, conclusie: str, vandaag) -> dict:
    return {
        "nationaliteit": "Nederlandse",
        "thuistaal": "Nederlands",
        "email_ouders": "ouders@voorbeeld.example",
        "telefoon_ouders": "0300-000111",
        "voorschoolse_voorziening": VOORSCHOOL,
        "contactpersoon": "M. de Pedagogisch-Medewerker",
        "email_contactpersoon": "groep.zon@speeltuin.example",
        "beschrijving_kind": f"{naam} is een nieuwsgierig kind dat graag bouwt en buiten speelt.",
        "hulpvragen": "Zich kunnen uiten in korte zinnen; wachten op de beurt.",
        "beschrijving_periode": "Twee dagdelen per week op de VVE-groep, met logopedie sinds een jaar.",
        "stimulerende_factoren": "Vaste begeleider, voorspelbaar dagritme, picto's.",
        "taal_spraak": "Spraak-taalontwikkeling loopt ongeveer een jaar achter (logopedist).",
        "gedrag_groep": "Raakt overprikkeld in een drukke groep; herstelt in een rustige hoek.",
        "type_voorziening": TypeVoorziening.VVE,
        "begeleiding": "Kleine kring, picto's, een vaste plek; effect: meer rust en meer taal.",
        "ondersteuningsbehoefte": "Een rustige plek in de groep, vast ritme en taalondersteuning.",
        "nazorg_cjg": "Het lokale team is betrokken bij de ouders.",
        "nazorg_gewenst": "Een warme overdracht en een gesprek na zes weken.",
        "conclusie": conclusie,
        "bijlagen": "Verslag logopedie (met toestemming van ouders).",
        "ouders_ondertekend_op": vandaag - timedelta(days=95),
    }


def _kind(wereld, voornaam, achternaam, geboren, stdout):
    bestaand = Leerling.objects.filter(
        swv=wereld.swv, voornaam=voornaam, achternaam=achternaam, onderinstroom__isnull=False
    ).exists()
    if bestaand:
        return None
    return kind_svc.maak_onderinstroom(
        door=wereld.gebruikers["cjk"],
        regio=wereld.regios["Ede"],
        voorschool=wereld.scholen[VOORSCHOOL],
        gegevens={
            "voornaam": voornaam,
            "achternaam": achternaam,
            "geboortedatum": geboren,
            "woonplaats": "Ede",
            "gemeente": wereld.gemeenten["Ede"],
        },
    )


def _advies(wereld, ond, *, advies, dagen_geleden_aangemeld, vandaag):
    betrokken = drie_en_half_jaar_op(ond.leerling.geboortedatum) + timedelta(days=10)
    return kind_svc.leg_advies_vast(
        onderinstroom=ond,
        door=wereld.gebruikers["cjk"],
        cjk_betrokken_op=betrokken,
        advies=advies,
        advies_op=betrokken + timedelta(days=21),
        school_van_aanmelding=wereld.scholen[SCHOOL],
        aangemeld_op=vandaag - timedelta(days=dagen_geleden_aangemeld),
    )


def _jesse(wereld, vandaag, stdout):
    geboren = vandaag - timedelta(days=4 * 365 + 95)  # turned four about three months ago
    ond = _kind(wereld, "Jesse", "Bloemhof", geboren, stdout)
    if ond is None:
        return
    cjk, sc = wereld.gebruikers["cjk"], wereld.gebruikers["sc"]
    ond = _advies(
        wereld,
        ond,
        advies="Start op de basisschool in de buurt met extra ondersteuning bij taal en een rustige plek; "
        "bij twijfel een overgangsarrangement via de SC.",
        dagen_geleden_aangemeld=120,
        vandaag=vandaag,
    )
    doc_svc.bewaar_document(
        onderinstroom=ond, door=cjk, gegevens=_document("Jesse", Conclusie.REGULIER_HGO, vandaag)
    )
    doc = doc_svc.lever_af(onderinstroom=ond, door=cjk)
    kind_svc.draag_over_aan_sc(
        onderinstroom=ond,
        door=cjk,
        sc=sc,
        op=vandaag - timedelta(days=80),
        notitie="Advies, overdrachtsdocument en het verslag van de logopedist; ouders zijn op de hoogte.",
    )
    doc_svc.markeer_gezien(document=doc, door=wereld.gebruikers["ib"])
    # Delivered and seen before the handover and the start, as it happened (the service stamps now).
    nu = timezone.now()
    Overdrachtsdocument.objects.filter(pk=doc.pk).update(
        afgeleverd_op=nu - timedelta(days=100), gezien_op=nu - timedelta(days=98)
    )
    start = vandaag - timedelta(days=61)
    arr = arr_svc.start_overgangsarrangement(
        onderinstroom=ond,
        door=sc,
        start=start,
        extra_ondersteuning="Drie ochtenden per week een onderwijsassistent in groep 1; een prikkelarme "
        "werkplek; elke zes weken een gesprek met ouders, IB'er en SC.",
    )
    _schrijf_in(wereld, ond.leerling, start)
    stdout.write(
        f"  onderinstroom: Jesse (4 jaar) – overgangsarrangement op {SCHOOL} van {start:%d-%m-%Y} t/m "
        f"{arr.einde:%d-%m-%Y}, evaluatie dan"
    )


def _schrijf_in(wereld, leerling, van):
    """Jesse started at the school in groep 1; the school reported it to DUO two days later."""
    from cases.services.inschrijving import schrijf_in
    from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
    from verzuim.services.duo import duo_gemeld
    from verzuim.termijnen import DUO_MELDING

    schrijf_in(leerling=leerling, school=wereld.scholen[SCHOOL], groep=1, van=van)
    for t in Termijn.objects.filter(soort=DUO_MELDING, leerling=leerling, status__in=OPEN_STATUSSEN):
        duo_gemeld(termijn=t, gemeld_op=van + timedelta(days=2), door=wereld.gebruikers["ib"])


def _noa(wereld, vandaag, stdout):
    geboren = vandaag - timedelta(days=3 * 365 + 300)
    ond = _kind(wereld, "Noa", "Vlinderveld", geboren, stdout)
    if ond is None:
        return
    cjk = wereld.gebruikers["cjk"]
    ond = _advies(
        wereld,
        ond,
        advies="De ondersteuningsbehoefte is groot (taal, gedrag in de groep); ouders oriënteren zich ook "
        "op het sbo. Overleg met de school van aanmelding en de SC.",
        dagen_geleden_aangemeld=20,
        vandaag=vandaag,
    )
    doc_svc.bewaar_document(
        onderinstroom=ond, door=cjk, gegevens=_document("Noa", Conclusie.TLV_SBO, vandaag)
    )
    doc_svc.lever_af(onderinstroom=ond, door=cjk)
    stdout.write(f"  onderinstroom: Noa (3 jaar) – overdrachtsdocument afgeleverd bij {SCHOOL}")


def _daan(wereld, vandaag, stdout):
    ond = _kind(wereld, "Daan", "Kruimelaar", vandaag - timedelta(days=3 * 365 + 60), stdout)
    if ond is not None:
        stdout.write("  onderinstroom: Daan (3 jaar) – in beeld, nog geen 3,5 jaar")


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    vandaag = timezone.localdate()
    if Onderinstroom.objects.filter(swv=wereld.swv).count() >= 3:
        return
    _jesse(wereld, vandaag, stdout)
    _noa(wereld, vandaag, stdout)
    _daan(wereld, vandaag, stdout)
