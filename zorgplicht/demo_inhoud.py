"""Demo zorgplicht cases for the fictitious demo SWV (called by `manage.py demo_data`).

* Sem (scenario 3): aanmelding at IKC De Boomgaard on Mon 2026-03-16, information 1–14 April
  (12 days suspended), extended, outcome 7 with an overgangsarrangement of 6 months, enrolled.
  Written as history (the scenario's dates lie before the clock of most machines that run the demo).
* At OBS De Regenboog (the demo directeur's school, regio Ede of the demo SC), one aanmelding in
  every state, dated relative to today and made through the services so that they carry their
  letters and audit rows: ontvangen, in onderzoek, informatie opgevraagd, verlengd, bao-bao with a
  shared zorgplicht, plaatsingsplicht, niet van toepassing (school vol, with evidence), afgesloten.
* The key offers of the SOP's of the regular schools in regio Ede.
* Two extra demo users for Sem's school and regio: `directeur_boomgaard`, `sc_barneveld`.

Idempotent: a case is found by its leerling; an existing one is left alone. All names invented."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cases.models import Gebruiker, Inschrijving, Leerling, Rol, RolSoort
from zorgplicht import services
from zorgplicht.models import Aanmelding, Antwoord, InformatieVerzoek, SopAanbod, Status, Uitkomst

WACHTWOORD = "demo"

EXTRA_GEBRUIKERS = [
    ("directeur_boomgaard", "Babette", "Gaarder", RolSoort.DIRECTEUR, "IKC De Boomgaard", None),
    ("sc_barneveld", "Bas", "Veldkamp-Scholten", RolSoort.SC, None, "Barneveld/Scherpenzeel"),
]

# SOP key offers per school in regio Ede (invented).
SOP = {
    "OBS De Regenboog": ["gedrag", "taal_lezen", "jong_kind"],
    "OBS Het Kompas": ["gedrag", "autisme", "aandacht", "spraak_taal"],
    "CBS De Zaaier": ["rekenen", "meerbegaafd"],
    "IKC De Heidebloem": ["jong_kind", "spraak_taal", "motoriek"],
    "OBS De Eikenhorst": ["autisme", "zintuiglijk", "gedrag"],
    "CBS De Ark": ["taal_lezen", "medisch"],
    "Daltonschool De Horizon": ["meerbegaafd", "aandacht"],
    "IKC De Boomgaard": ["jong_kind", "spraak_taal", "gedrag"],
}

OUDER = {
    "relatie": "moeder",
    "gezag": True,
    "ontvangt_brieven": True,
    "adres": "Fictieweg 12",
    "postcode_plaats": "9999 ZA Ede (demo)",
}


def _gebruikers(wereld) -> dict[str, Gebruiker]:
    uit = {}
    for username, voornaam, achternaam, soort, school, regio in EXTRA_GEBRUIKERS:
        user = Gebruiker.objects.filter(username=username).first()
        if user is None:
            user = Gebruiker(
                username=username,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@vallei-rijn.example",
            )
            user.set_password(WACHTWOORD)
            user.save()
        plaats = {"school": wereld.scholen[school]} if school else {"regio": wereld.regios[regio]}
        Rol.objects.get_or_create(gebruiker=user, soort=soort, swv=wereld.swv, **plaats)
        uit[username] = user
    return uit


def _sop(wereld) -> None:
    for naam, soorten in SOP.items():
        school = wereld.scholen.get(naam)
        if school is None:
            continue
        for soort in soorten:
            SopAanbod.objects.get_or_create(
                school=school,
                soort=soort,
            )


@transaction.atomic
def _sem(wereld, users) -> str:
    from cases.demo.inhoud import demo_leerling

    try:
        sem = demo_leerling(wereld.swv, "Sem")
    except Leerling.DoesNotExist:
        return "Sem ontbreekt (cases.demo.inhoud draaide niet); zijn zorgplichtdossier is overgeslagen."
    if Aanmelding.objects.filter(leerling=sem).exists():
        return "Sem: bestond al."
    school = wereld.scholen["IKC De Boomgaard"]
    inschrijving = Inschrijving.objects.filter(leerling=sem, school=school).order_by("-van").first()
    directeur, sc = users["directeur_boomgaard"], users["sc_barneveld"]
    a = Aanmelding(
        swv=wereld.swv,
        school=school,
        leerling=sem,
        aanmelding_op=date(2026, 3, 16),
        extra_ondersteuning_vermoed=True,
        ondersteuningsbehoeften=["jong_kind", "spraak_taal"],
        andere_scholen="",
        toelichting="Overdrachtsdocument jonge kind van Peuterspeelzaal 't Kwetternest; "
        "de contactpersoon jonge kind is betrokken sinds Sem 3,5 jaar was.",
        status=Status.AFGESLOTEN,
        onderzoek_gestart_op=date(2026, 3, 17),
        verlengd_op=date(2026, 4, 14),
        verlengingsreden="De aanvullende informatie van de peuterspeelzaal kwam pas op 14 april; wij willen Sem "  # noqa: E501
        "eerst enkele ochtenden in de groep zien, samen met de contactpersoon jonge kind.",
        uitkomst=Uitkomst.GEPLAATST_EXTRA,
        besluit_op=date(2026, 5, 27),
        besluit_toelichting="Met een overgangsarrangement kan IKC De Boomgaard Sem de ondersteuning bieden die hij "  # noqa: E501
        "nodig heeft. In oktober beoordelen wij samen met u en de steunpuntcoördinator opnieuw.",
        arrangement="Overgangsarrangement van 6 maanden (expertise en middelen), herbeoordeling in oktober 2026.",  # noqa: E501
        sc_akkoord=sc,
        afgesloten_op=inschrijving.van if inschrijving else date(2026, 6, 8),
        ingeschreven_school=school,
        aangemaakt_door=directeur,
    )
    a.save()
    InformatieVerzoek.objects.create(
        aanmelding=a,
        gevraagd_op=date(2026, 4, 1),
        gevraagd_bij="Peuterspeelzaal 't Kwetternest",
        omschrijving="Observatieverslag en aanvulling op het overdrachtsdocument.",
        toestemming_ouders_op=date(2026, 3, 30),
        antwoord_uiterlijk=date(2026, 3, 30) + timedelta(days=28),
        ontvangen_op=date(2026, 4, 14),
        aangemaakt_door=directeur,
    )
    return "Sem: zorgplicht 16 maart 2026, verlengd tot 8 juni 2026, geplaatst met overgangsarrangement."


def _kind(wereld, voornaam: str, achternaam: str, geboren: date) -> Leerling | None:
    """None when this demo child already has an aanmelding (idempotent)."""
    if Aanmelding.objects.filter(
        leerling__swv=wereld.swv, leerling__voornaam=voornaam, leerling__achternaam=achternaam
    ).exists():
        return None
    return Leerling(voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren)


def _registreer(wereld, door, voornaam, achternaam, geboren, aangemeld, behoeften, *, school=None):
    if _kind(wereld, voornaam, achternaam, geboren) is None:
        return None
    return services.registreer_aanmelding(
        door=door,
        school=school or wereld.scholen["OBS De Regenboog"],
        aanmelding_op=aangemeld,
        extra_ondersteuning_vermoed=True,
        ondersteuningsbehoeften=behoeften,
        nieuwe_leerling={
            "voornaam": voornaam,
            "achternaam": achternaam,
            "geboortedatum": geboren,
            "geslacht": "x",
            "woonplaats": "Ede (demo)",
        },
        ouders=[{"naam": f"J. {achternaam}", **OUDER}],
    )


def _regenboog(wereld) -> int:
    t = timezone.localdate()
    directeur, sc = wereld.gebruikers.get("directeur"), wereld.gebruikers.get("sc")
    if directeur is None or sc is None:
        return 0
    gemaakt = 0

    def jaren(n):  # born a little more than n years ago
        return date(t.year - n, t.month, min(t.day, 28)) - timedelta(days=40)

    # ontvangen
    if _registreer(wereld, directeur, "Jesse", "Vondeling", jaren(4), t - timedelta(days=2), ["spraak_taal"]):
        gemaakt += 1
    # in onderzoek, end within a week -> warning
    a = _registreer(wereld, directeur, "Mila", "Zandbergen", jaren(5), t - timedelta(days=37), ["gedrag"])
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        gemaakt += 1
    # informatie opgevraagd (open request)
    a = _registreer(
        wereld, directeur, "Luuk", "Heideveld", jaren(6), t - timedelta(days=25), ["aandacht", "gedrag"]
    )
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        services.vraag_informatie(
            aanmelding=a,
            door=directeur,
            gevraagd_op=t - timedelta(days=10),
            gevraagd_bij="GGD jeugdarts",
            omschrijving="Verslag van het gesprek over concentratie.",
            toestemming_ouders_op=t - timedelta(days=11),
            antwoord_uiterlijk=t - timedelta(days=11) + timedelta(days=28),
        )
        gemaakt += 1
    # verlengd, after information came back
    a = _registreer(wereld, directeur, "Noa", "Klaverweide", jaren(7), t - timedelta(days=47), ["autisme"])
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        services.vraag_informatie(
            aanmelding=a,
            door=directeur,
            gevraagd_op=t - timedelta(days=40),
            gevraagd_bij="Fictief Centrum voor Autisme",
            omschrijving="Diagnostisch verslag.",
            toestemming_ouders_op=t - timedelta(days=41),
            antwoord_uiterlijk=t - timedelta(days=41) + timedelta(days=28),
        )
        services.registreer_informatie_ontvangen(
            aanmelding=a, door=directeur, ontvangen_op=t - timedelta(days=35)
        )
        services.verleng(
            aanmelding=a,
            door=directeur,
            op=t - timedelta(days=3),
            reden="Het diagnostisch verslag vraagt om een gesprek met de orthopedagoog van het bestuur.",
        )
        gemaakt += 1
    # bao-bao: shared zorgplicht with OBS Het Kompas, CBS De Zaaier cannot
    a = _registreer(
        wereld, directeur, "Finn", "Brouwersgracht", jaren(6), t - timedelta(days=21), ["autisme", "gedrag"]
    )
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        v1 = services.stel_school_voor(
            aanmelding=a,
            door=sc,
            school=wereld.scholen["OBS Het Kompas"],
            motivering="SOP: autisme en gedrag, kleine groep.",
        )
        v2 = services.stel_school_voor(aanmelding=a, door=sc, school=wereld.scholen["CBS De Zaaier"])
        services.registreer_antwoord(
            voorstel=v1, door=sc, antwoord=Antwoord.IN_ONDERZOEK, toelichting="Intake met ouders gepland."
        )
        services.registreer_antwoord(
            voorstel=v2, door=sc, antwoord=Antwoord.KAN_NIET, toelichting="Geen aanbod voor autisme."
        )
        gemaakt += 1
    # besluit 8: the ouders chose OBS Het Kompas; zorgplicht shared until they enrol there
    a = _registreer(wereld, directeur, "Lieke", "Hazelaar", jaren(7), t - timedelta(days=33), ["autisme"])
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        v = services.stel_school_voor(
            aanmelding=a, door=sc, school=wereld.scholen["OBS Het Kompas"], motivering="SOP: autisme."
        )
        services.registreer_antwoord(voorstel=v, door=sc, antwoord=Antwoord.KAN_PLAATSEN)
        services.registreer_keuze_ouders(voorstel=v, door=sc)
        services.neem_besluit(
            aanmelding=a,
            door=directeur,
            uitkomst=Uitkomst.ANDERE_SCHOOL,
            toelichting="OBS Het Kompas heeft het aanbod voor autisme dat Lieke nodig heeft; "
            "de ouders kozen die school.",
        )
        gemaakt += 1
    # plaatsingsplicht: 10 weeks passed without a decision, 5+, not at another school
    a = _registreer(wereld, directeur, "Sara", "Molenbroek", jaren(5), t - timedelta(days=80), ["medisch"])
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        gemaakt += 1
    # zorgplicht does not apply: school full for everybody, with evidence
    a = _registreer(wereld, directeur, "Ties", "Oudewater", jaren(4), t - timedelta(days=5), ["taal_lezen"])
    if a:
        services.zorgplicht_geldt_niet(
            aanmelding=a,
            door=directeur,
            reden="school_vol",
            capaciteit=420,
            aantal_ingeschreven=420,
            vol_voor_iedereen=True,
            onderbouwing="Het bestuur stelde het maximum op 420 leerlingen; de groepen 1 zijn vol en de wachtlijst "  # noqa: E501
            "geldt voor alle aanmelders (bestuursbesluit, bijlage bij het dossier).",
        )
        gemaakt += 1
    # afgesloten: outcome 6, enrolled
    a = _registreer(wereld, directeur, "Evi", "Rietkamp", jaren(5), t - timedelta(days=30), ["taal_lezen"])
    if a:
        services.start_onderzoek(aanmelding=a, door=directeur)
        services.neem_besluit(
            aanmelding=a,
            door=directeur,
            uitkomst=Uitkomst.GEPLAATST,
            toelichting="Met ons leesaanbod en de logopedist op school kunnen wij Evi goed begeleiden.",
        )
        services.sluit_af(aanmelding=a, door=directeur, ingeschreven_op=t, groep=1)
        gemaakt += 1
    return gemaakt


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    users = _gebruikers(wereld)
    _sop(wereld)
    melding = _sem(wereld, users)
    with transaction.atomic():
        gemaakt = _regenboog(wereld)
    stdout.write(f"Zorgplicht: {melding} {gemaakt} nieuwe aanmeldingen bij OBS De Regenboog.")
