"""Herindicatie steps [002 L815-825]: the herindicatiegesprek of optie 2 (its outcome routes the
aanvraag) and the fresh zienswijze of optie 1. Keyword-only, atomic, the aanvraag locked first;
a refusal says which condition failed, in Dutch."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.workflow import vergrendel
from tlv.models import HerindicatieOptie, Soort, Status, TLVAanvraag
from tlv.models.herindicatie import GesprekUitkomst, Herindicatiegesprek
from tlv.models.rechten import sc, school_medewerker

# The fresh zienswijze may be added while the school prepares, or answers an information request.
ZIENSWIJZE_STATUSSEN = (Status.CONCEPT, Status.AANGEHOUDEN)


def _eis_herindicatie(aanvraag: TLVAanvraag, optie: int) -> None:
    if aanvraag.soort != Soort.HERINDICATIE or aanvraag.herindicatie_optie != optie:
        label = HerindicatieOptie(optie).label
        raise ValidationError(f"Dit hoort bij een herindicatie met {label} [002 §1.21].")


@transaction.atomic
def leg_gesprek_vast(
    *,
    aanvraag: TLVAanvraag,
    door,
    datum: date,
    uitkomst: str,
    verslag: str,
    ouders_aanwezig: bool = False,
    school_aanwezig: bool = False,
    sc_aanwezig: bool = False,
    request=None,
) -> Herindicatiegesprek:
    """School or SC records the herindicatiegesprek [002 L820-822]. No agreement with ouders: the
    aanvraag becomes an aanvraag zonder toestemming (§1.13); school and SC disagree: it will go to
    the TLA-commissie (TLVAanvraag.commissie_vereist)."""
    aanvraag = vergrendel(aanvraag)
    if not (school_medewerker(aanvraag, door) or sc(aanvraag, door)):
        raise PermissionDenied(
            "Alleen de school of de steunpuntcoördinator legt het herindicatiegesprek vast."
        )
    _eis_herindicatie(aanvraag, HerindicatieOptie.GESPREK)
    if aanvraag.status != Status.CONCEPT:
        raise ValidationError(
            "Het herindicatiegesprek gaat aan de aanvraag vooraf: vastleggen kan alleen zolang de aanvraag "
            "een concept is [002 L821]."
        )
    fouten = {}
    if datum > timezone.localdate():
        fouten["datum"] = (
            "Een gesprek dat nog moet plaatsvinden, kunt u niet vastleggen: kies een datum tot en met vandaag."  # noqa: E501
        )
    if not (verslag or "").strip():
        fouten["verslag"] = (
            "Schrijf het verslag: de input vanuit het perspectief van ouders, school en SC [002 L820]."
        )
    if not (school_aanwezig and sc_aanwezig):
        fouten["sc_aanwezig"] = (
            "Het herindicatiegesprek wordt gevoerd met school en SC: beide moeten aanwezig zijn [002 L820]."  # noqa: E501
        )
    if uitkomst == GesprekUitkomst.EENS and not ouders_aanwezig:
        fouten["ouders_aanwezig"] = (
            "Overeenstemming met ouders kan alleen als ouders bij het gesprek waren; kies anders "
            "'geen overeenstemming met ouders' [002 L821]."
        )
    if uitkomst not in GesprekUitkomst.values:
        fouten["uitkomst"] = "Kies de uitkomst van het gesprek."
    if fouten:
        raise ValidationError(fouten)
    gesprek = Herindicatiegesprek.objects.create(
        aanvraag=aanvraag,
        datum=datum,
        ouders_aanwezig=ouders_aanwezig,
        school_aanwezig=school_aanwezig,
        sc_aanwezig=sc_aanwezig,
        uitkomst=uitkomst,
        verslag=verslag.strip(),
        vastgelegd_door=door,
    )
    if uitkomst == GesprekUitkomst.OUDERS_NIET_EENS and not aanvraag.zonder_toestemming:
        aanvraag.zonder_toestemming = True
        aanvraag.save(update_fields=["zonder_toestemming", "gewijzigd_op"])
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"herindicatiegesprek {datum:%d-%m-%Y} vastgelegd: {GesprekUitkomst(uitkomst).label}",
    )
    return gesprek


@transaction.atomic
def leg_actuele_zienswijze_vast(
    *, aanvraag: TLVAanvraag, door, tekst: str, datum: date, request=None
) -> TLVAanvraag:
    """The school writes a fresh zienswijze when the OPP was evaluated more than half a year ago
    [002 L818]."""
    aanvraag = vergrendel(aanvraag)
    if not school_medewerker(aanvraag, door):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school schrijft de actuele zienswijze."
        )  # noqa: E501
    _eis_herindicatie(aanvraag, HerindicatieOptie.DOSSIER)
    if aanvraag.status not in ZIENSWIJZE_STATUSSEN:
        raise ValidationError(
            "De actuele zienswijze kan de school toevoegen zolang de aanvraag een concept is, of als "
            "antwoord op een informatieverzoek."
        )
    fouten = {}
    if not (tekst or "").strip():
        fouten["tekst"] = "Beschrijf het recente standpunt van ouders over de herindicatie [002 L818]."
    if datum > timezone.localdate():
        fouten["datum"] = "De datum van de zienswijze ligt in de toekomst: kies een datum tot en met vandaag."
    if fouten:
        raise ValidationError(fouten)
    aanvraag.actuele_zienswijze = tekst.strip()
    aanvraag.actuele_zienswijze_op = datum
    aanvraag.save(update_fields=["actuele_zienswijze", "actuele_zienswijze_op", "gewijzigd_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="actuele zienswijze herindicatie vastgelegd",
    )
    return aanvraag
