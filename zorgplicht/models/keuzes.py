"""Choices of the zorgplicht: status, outcome, why it does not apply, support kinds, bao-bao answers."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", "ontvangen"
    IN_ONDERZOEK = "in_onderzoek", "in onderzoek"
    INFORMATIE_OPGEVRAAGD = "informatie_opgevraagd", "informatie opgevraagd"
    VERLENGD = "verlengd", "verlengd"
    BESLUIT = "besluit", "besluit genomen"
    AFGESLOTEN = "afgesloten", "afgesloten"
    NIET_VAN_TOEPASSING = "niet_van_toepassing", "zorgplicht niet van toepassing"


LOPENDE_STATUSSEN = (Status.ONTVANGEN, Status.IN_ONDERZOEK, Status.INFORMATIE_OPGEVRAAGD, Status.VERLENGD)


class Uitkomst(models.IntegerChoices):
    """The outcomes of the onderzoek, numbered as in the schema [002 bijlage 2.2.1 stap 6–9]."""

    GEPLAATST = 6, "(6) plaatsing op de school van aanmelding"
    GEPLAATST_EXTRA = 7, "(7) plaatsing met extra ondersteuning vanuit het samenwerkingsverband"
    ANDERE_SCHOOL = 8, "(8) plaatsing op een andere reguliere school (bao-bao)"
    TLV = 9, "(9) plaatsing in sbo of so met een toelaatbaarheidsverklaring"


class NietVanToepassing(models.TextChoices):
    """When the zorgplicht does not apply [002 bijlage 2.2.1 stap 2 'Wanneer geldt de zorgplicht niet']."""

    SCHOOL_VOL = "school_vol", "de school is vol (voor alle aanmelders)"
    GRONDSLAG = "grondslag", "ouders respecteren de grondslag van de school niet"
    TAALACHTERSTAND = "taalachterstand", "alleen een taalachterstand"
    CLUSTER_1_2 = "cluster_1_2", "aanmelding bij een instelling van cluster 1 of 2"
    ANDER_NIVEAU = "ander_niveau", "inschrijving op een ander niveau dan geadviseerd"


class TLVSoort(models.TextChoices):
    ONDERINSTROOM = "onderinstroom", "onderinstroom (eerste aanmelding vanuit de voorschool)"
    ZIJ_INSTROOM = "zij_instroom", "zij-instroom (leerling staat al ingeschreven op een school)"


class OndersteuningSoort(models.TextChoices):
    """Key support offers of a schoolondersteuningsprofiel (SOP), and the needs of an aanmelding."""

    GEDRAG = "gedrag", "gedrag en sociaal-emotionele ontwikkeling"
    AUTISME = "autisme", "autisme"
    AANDACHT = "aandacht", "concentratie en aandacht (ADHD)"
    TAAL_LEZEN = "taal_lezen", "taal, lezen en dyslexie"
    REKENEN = "rekenen", "rekenen en dyscalculie"
    MEERBEGAAFD = "meerbegaafd", "meer- en hoogbegaafdheid"
    MOTORIEK = "motoriek", "motoriek en fysieke beperking"
    MEDISCH = "medisch", "medische zorg en verzorging"
    SPRAAK_TAAL = "spraak_taal", "spraak- en taalontwikkeling"
    JONG_KIND = "jong_kind", "ontwikkeling jonge kind"
    ZINTUIGLIJK = "zintuiglijk", "zintuiglijke prikkelverwerking"


class Antwoord(models.TextChoices):
    GEVRAAGD = "gevraagd", "gevraagd, nog geen antwoord"
    IN_ONDERZOEK = "in_onderzoek", "onderzoekt (gedeelde zorgplicht)"
    KAN_PLAATSEN = "kan_plaatsen", "kan plaatsen"
    KAN_NIET = "kan_niet", "kan niet plaatsen"
