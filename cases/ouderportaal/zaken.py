"""The child's SWV cases as ouders see them: plain-language steps (B1) and the terms that run,
as the term engine computed them (Termijn.einde, cases/termijnen) [issue 17].

Only the state is shown: never an advice, a draft, a note or a name of a staff member. The
models of tlv/, zorgplicht/ and verzuim/ are looked up by app label (apps.get_model), so the core
does not import those apps; each kind is one query whatever the number of cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.formats import date_format

from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn

# Which terms ouders see, in their words; every other kind (internal reports, DUO) stays out.
TERMIJN_TEKSTEN = {
    "tlv_beslistermijn": "Het samenwerkingsverband beslist uiterlijk {datum}.",
    "bezwaartermijn": "Bent u het niet eens met het besluit? U kunt bezwaar maken tot en met {datum}.",
    "beslistermijn_bezwaar": "Het samenwerkingsverband beslist over uw bezwaar uiterlijk {datum}.",
    "ontvangstbevestiging_bezwaar": "U krijgt uiterlijk {datum} een bevestiging dat uw bezwaar binnen is.",
    "zorgplicht": (
        "De school laat u uiterlijk {datum} weten of zij uw kind kan plaatsen, of welke school dat wel kan."
    ),
    "interventieteam_eerste_bijeenkomst": (
        "Het interventieteam komt uiterlijk {datum} voor het eerst bij elkaar."
    ),
    "verwijdering_beslistermijn_bezwaar": "Het schoolbestuur beslist over uw bezwaar uiterlijk {datum}.",
}


def lange_datum(d: date) -> str:
    """'wo 6 mei 2026' [issue 17]."""
    return date_format(d, "D j F Y")


@dataclass
class Stap:
    tekst: str
    toestand: str  # "klaar", "huidig", "nog"


@dataclass
class OuderZaak:
    titel: str
    uitleg: str
    stappen: list[Stap]
    melding: str = ""
    termijnen: list[str] = field(default_factory=list)
    sleutel: tuple[int, int] = (0, 0)  # (content_type_id, object_id)


def _stappen(teksten: list[str], huidig: int, *, afgerond: bool = False) -> list[Stap]:
    return [
        Stap(t, "klaar" if i < huidig or (afgerond and i == huidig) else "huidig" if i == huidig else "nog")
        for i, t in enumerate(teksten)
    ]


# --- TLV -----------------------------------------------------------------------------------------
TLV_UITLEG = (
    "TLV betekent toelaatbaarheidsverklaring. Met een TLV mag uw kind naar een school voor speciaal "
    "basisonderwijs (sbo) of speciaal onderwijs (so). Het samenwerkingsverband beslist of uw kind een TLV "
    "krijgt."
)
TLV_STAPPEN = [
    "De school maakt de aanvraag klaar, samen met u.",
    "Het samenwerkingsverband kijkt of de aanvraag compleet is.",
    "Deskundigen bekijken wat uw kind nodig heeft.",
    "Een commissie bespreekt de aanvraag.",
    "Het samenwerkingsverband beslist.",
]
TLV_FASE = {
    "concept": 0,
    "ingediend": 1,
    "inhoudelijke_check": 1,
    "aangehouden": 1,
    "deskundigen_toewijzen": 2,
    "adviezen": 2,
    "eindadvies": 2,
    "tla_vergadering": 3,
    "bij_voorzitter": 3,
    "ter_ondertekening": 4,
}
TLV_EINDE = {
    "afgegeven": "Besluit: uw kind heeft een TLV gekregen. U krijgt hierover een brief.",
    "niet_toegekend": "Besluit: uw kind heeft geen TLV gekregen. U krijgt een brief met de uitleg.",
    "besluit_aangehouden": (
        "Het samenwerkingsverband heeft het besluit uitgesteld. U krijgt hierover een brief."
    ),
    "ingetrokken": "De aanvraag is ingetrokken. Er komt geen besluit.",
}


def _tlv(kind) -> list[OuderZaak]:
    TLVAanvraag = apps.get_model("tlv", "TLVAanvraag")
    ct = ContentType.objects.get_for_model(TLVAanvraag)
    zaken = []
    for pk, status in TLVAanvraag.objects.filter(leerling=kind).order_by("-pk").values_list("pk", "status"):
        melding = TLV_EINDE.get(status, "")
        if status == "aangehouden":
            melding = "Het samenwerkingsverband heeft extra informatie gevraagd. De school helpt u daarbij."
        fase = TLV_FASE.get(status, len(TLV_STAPPEN) - 1)
        zaken.append(
            OuderZaak(
                titel="Aanvraag TLV",
                uitleg=TLV_UITLEG,
                stappen=_stappen(TLV_STAPPEN, fase, afgerond=status in TLV_EINDE),
                melding=melding,
                sleutel=(ct.pk, pk),
            )
        )
    return zaken


# --- zorgplicht ----------------------------------------------------------------------------------
ZORGPLICHT_UITLEG = (
    "U heeft uw kind aangemeld bij een school. De school kijkt of zij uw kind de hulp kan geven die het "
    "nodig heeft. Lukt dat niet, dan zoekt de school een andere school die het wel kan. Dat heet zorgplicht."
)
ZORGPLICHT_STAPPEN = [
    "De school heeft uw aanmelding ontvangen.",
    "De school onderzoekt wat uw kind nodig heeft.",
    "De school beslist en laat het u weten.",
]
ZORGPLICHT_FASE = {"ontvangen": 0, "in_onderzoek": 1, "informatie_opgevraagd": 1, "verlengd": 1}
ZORGPLICHT_MELDING = {
    "informatie_opgevraagd": (
        "De school heeft u om extra informatie gevraagd. De tijd staat stil tot die er is."
    ),
    "verlengd": "De school heeft meer tijd genomen om te beslissen.",
    "besluit": "De school heeft beslist. U krijgt of kreeg hierover bericht van de school.",
    "afgesloten": "De aanmelding is afgerond.",
    "niet_van_toepassing": "De zorgplicht geldt hier niet. De school heeft u uitgelegd waarom.",
}


def _zorgplicht(kind) -> list[OuderZaak]:
    Aanmelding = apps.get_model("zorgplicht", "Aanmelding")
    ct = ContentType.objects.get_for_model(Aanmelding)
    return [
        OuderZaak(
            titel="Aanmelding bij een school",
            uitleg=ZORGPLICHT_UITLEG,
            stappen=_stappen(
                ZORGPLICHT_STAPPEN,
                ZORGPLICHT_FASE.get(status, 2),
                afgerond=status not in ZORGPLICHT_FASE,
            ),
            melding=ZORGPLICHT_MELDING.get(status, ""),
            sleutel=(ct.pk, pk),
        )
        for pk, status in Aanmelding.objects.filter(leerling=kind).order_by("-pk").values_list("pk", "status")
    ]


# --- interventietraject --------------------------------------------------------------------------
INTERVENTIE_UITLEG = (
    "Gaat het op school niet goed en is er snel een oplossing nodig? Dan komt er een interventieteam. Daarin "
    "zitten mensen van de school en van het samenwerkingsverband, en soms een hulpverlener. Zij zoeken samen "
    "met u naar een oplossing."
)
INTERVENTIE_STAPPEN = [
    "Uw kind is aangemeld bij het interventieteam.",
    "Het team is samengesteld.",
    "Het team werkt samen met u aan een oplossing.",
    "Het team kijkt terug: heeft het geholpen?",
    "Het traject is afgesloten.",
]
INTERVENTIE_FASE = {"aangemeld": 0, "team_samengesteld": 1, "lopend": 2, "evaluatie": 3, "afgesloten": 4}


def _interventie(kind) -> list[OuderZaak]:
    from cases.interventie.models.traject import Interventietraject

    ct = ContentType.objects.get_for_model(Interventietraject)
    rijen = Interventietraject.objects.filter(leerling=kind).order_by("-pk").values_list("pk", "status")
    return [
        OuderZaak(
            titel="Interventieteam",
            uitleg=INTERVENTIE_UITLEG,
            stappen=_stappen(
                INTERVENTIE_STAPPEN, INTERVENTIE_FASE.get(status, 0), afgerond=status == "afgesloten"
            ),
            sleutel=(ct.pk, pk),
        )
        for pk, status in rijen
    ]


# --- verwijdering --------------------------------------------------------------------------------
VERWIJDERING_UITLEG = (
    "Verwijderen betekent: uw kind mag niet op deze school blijven. Het schoolbestuur moet eerst u en de "
    "leerkracht horen. Uw kind gaat pas weg als een andere school uw kind wil toelaten."
)
VERWIJDERING_STAPPEN = [
    "De school heeft gezegd dat zij van plan is uw kind te verwijderen.",
    "Het schoolbestuur heeft besloten.",
    "Een andere school neemt uw kind aan. Dan is de verwijdering definitief.",
]
VERWIJDERING_FASE = {"voornemen": 0, "besloten": 1, "definitief": 2}
VERWIJDERING_MELDING = {
    "ingetrokken": "De school heeft het plan om uw kind te verwijderen ingetrokken.",
    "herroepen": "Het besluit is teruggedraaid, omdat uw bezwaar gegrond was.",
    "definitief": "De verwijdering is definitief.",
}


def _verwijdering(kind) -> list[OuderZaak]:
    Verwijdering = apps.get_model("verzuim", "Verwijdering")
    ct = ContentType.objects.get_for_model(Verwijdering)
    return [
        OuderZaak(
            titel="Verwijdering van school",
            uitleg=VERWIJDERING_UITLEG,
            stappen=_stappen(
                VERWIJDERING_STAPPEN,
                VERWIJDERING_FASE.get(status, 0),
                afgerond=status in ("definitief", "ingetrokken", "herroepen"),
            ),
            melding=VERWIJDERING_MELDING.get(status, ""),
            sleutel=(ct.pk, pk),
        )
        for pk, status in Verwijdering.objects.filter(leerling=kind)
        .order_by("-pk")
        .values_list("pk", "status")
    ]


def termijn_tekst(termijn: Termijn) -> str | None:
    tekst = TERMIJN_TEKSTEN.get(termijn.soort)
    if tekst is None:
        return None
    return tekst.format(datum=lange_datum(termijn.einde))


def zaken_van(kind) -> list[OuderZaak]:
    """Every case of the child with its open terms: one query per kind and one for the terms."""
    zaken = _tlv(kind) + _zorgplicht(kind) + _interventie(kind) + _verwijdering(kind)
    per_zaak = {z.sleutel: z for z in zaken}
    termijnen = (
        Termijn.objects.filter(leerling=kind, status__in=OPEN_STATUSSEN, soort__in=TERMIJN_TEKSTEN)
        .order_by("einde", "pk")
        .only("soort", "einde", "content_type_id", "object_id")
    )
    for t in termijnen:
        zaak = per_zaak.get((t.content_type_id, t.object_id))
        tekst = termijn_tekst(t)
        if zaak is not None and tekst:
            zaak.termijnen.append(tekst)
    return zaken
