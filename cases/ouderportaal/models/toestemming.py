"""Ouders' consent, where the seeds ask it [issue 17 'Give or withdraw consent where the seeds ask it'].

`ToestemmingOnderwerp` is the fixed list of what ouders are asked to consent to, each with its
source (ONDERWERPEN: plain words for ouders, the seed line, what the scope field asks). A
`Toestemming` is one consent of one Ouder record (with gezag) for one child, given in the portal or
on paper (recorded by staff). Withdrawing never deletes: it stamps `ingetrokken_op`, so the history
stays visible to ouders and staff."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models


class ToestemmingOnderwerp(models.TextChoices):
    INFORMATIE_DERDEN = "informatie_derden", "informatie opvragen bij anderen"
    ONDERZOEK = "onderzoek", "onderzoek door een psycholoog of orthopedagoog"
    OVERDRACHT = "overdracht", "informatie doorgeven aan een andere school"
    SOCIAAL_TEAM = "sociaal_team", "sociaal team of jeugdhulp bij het ondersteuningsteam"
    DESKUNDIGE = "deskundige", "een deskundige van buiten de school laten meedenken"
    JEUGDARTS = "jeugdarts", "de jeugdarts geeft advies aan de arts van de GGD"
    BIJLAGEN_TLV = "bijlagen_tlv", "onderzoeksverslagen meesturen met een TLV-aanvraag"
    ZOEKEN_SCHOOL = "zoeken_school", "zoeken naar een andere school (doorzettingskracht)"


@dataclass(frozen=True)
class Onderwerp:
    uitleg: str  # B1 Dutch, for ouders
    bron: str  # where the seeds ask this consent
    scope_vraag: str = ""  # what the scope field asks; empty: no scope
    scope_verplicht: bool = False


ONDERWERPEN: dict[str, Onderwerp] = {
    ToestemmingOnderwerp.INFORMATIE_DERDEN: Onderwerp(
        "De school mag informatie over uw kind vragen aan anderen, bijvoorbeeld de peuterspeelzaal, "
        "een vorige school of een hulpverlener.",
        "002 L184; 004 L172, L258, L1014; domain §13",
        "Bij wie mag de school informatie vragen?",
    ),
    ToestemmingOnderwerp.ONDERZOEK: Onderwerp(
        "Een psycholoog of orthopedagoog mag uw kind onderzoeken. Zo weten we beter wat uw kind nodig heeft.",
        "002 L184; 004 L168",
        "Wie doet het onderzoek? (mag leeg)",
    ),
    ToestemmingOnderwerp.OVERDRACHT: Onderwerp(
        "De school mag informatie over uw kind geven aan de nieuwe school, bijvoorbeeld na een verhuizing.",
        "002 L212",
        "Welke school?",
        True,
    ),
    ToestemmingOnderwerp.SOCIAAL_TEAM: Onderwerp(
        "Iemand van het sociaal team van de gemeente of van de jeugdhulp mag meepraten in het "
        "ondersteuningsteam (OT).",
        "001 L127, L146",
        "Welke organisatie?",
    ),
    ToestemmingOnderwerp.DESKUNDIGE: Onderwerp(
        "Een deskundige van buiten de school (bijvoorbeeld van het samenwerkingsverband) mag meedenken "
        "over uw kind en het dossier lezen.",
        "002 L707, L781",
        "Welke deskundige of organisatie? (mag leeg)",
    ),
    ToestemmingOnderwerp.JEUGDARTS: Onderwerp(
        "De jeugdarts van school mag advies geven aan de arts van de GGD over wat uw kind aankan.",
        "002 L502",
    ),
    ToestemmingOnderwerp.BIJLAGEN_TLV: Onderwerp(
        "De school mag verslagen van onderzoek meesturen als zij een toelaatbaarheidsverklaring (TLV) "
        "aanvraagt bij het samenwerkingsverband.",
        "002 L588, L1170",
    ),
    ToestemmingOnderwerp.ZOEKEN_SCHOOL: Onderwerp(
        "Het samenwerkingsverband mag samen met de scholen zoeken naar een andere school die bij uw "
        "kind past.",
        "002 L460",
    ),
}


class ToestemmingVia(models.TextChoices):
    PORTAAL = "portaal", "in het ouderportaal"
    PAPIER = "papier", "op papier (vastgelegd door de school of het samenwerkingsverband)"


class ToestemmingQuerySet(models.QuerySet):
    def geldig(self):
        """Not withdrawn: the consent holds now."""
        return self.filter(ingetrokken_op__isnull=True)


class Toestemming(models.Model):
    leerling = models.ForeignKey("cases.Leerling", on_delete=models.CASCADE, related_name="toestemmingen")
    ouder = models.ForeignKey("cases.Ouder", on_delete=models.PROTECT, related_name="toestemmingen")
    onderwerp = models.CharField(max_length=30, choices=ToestemmingOnderwerp.choices)
    scope = models.CharField("voor wie", max_length=200, blank=True)
    toelichting = models.TextField(blank=True)
    via = models.CharField(max_length=10, choices=ToestemmingVia.choices)
    gegeven_op = models.DateTimeField()
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ToestemmingQuerySet.as_manager()

    class Meta:
        verbose_name = "toestemming van ouders"
        verbose_name_plural = "toestemmingen van ouders"
        ordering = ["-gegeven_op", "-id"]
        indexes = [models.Index(fields=["leerling", "onderwerp"])]

    def __str__(self) -> str:
        return f"toestemming {self.onderwerp} voor leerling #{self.leerling_id}"

    @property
    def is_geldig(self) -> bool:
        return self.ingetrokken_op is None

    @property
    def uitleg(self) -> str:
        return ONDERWERPEN[self.onderwerp].uitleg
