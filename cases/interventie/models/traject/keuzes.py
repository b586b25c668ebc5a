"""The choices of the interventietraject, its team, meetings and plaatsingsstroom [000]."""

from __future__ import annotations

from django.db import models

# --- the traject --------------------------------------------------------------------------------


class TrajectStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "aangemeld"
    TEAM_SAMENGESTELD = "team_samengesteld", "team samengesteld"
    LOPEND = "lopend", "lopend"
    EVALUATIE = "evaluatie", "evaluatie"
    AFGESLOTEN = "afgesloten", "afgesloten"


class Aanleiding(models.TextChoices):
    MELDING = "melding", "melding door de school"
    DREIGENDE_SCHORSING = "dreigende_schorsing", "dreigende schorsing"
    SCHORSING = "schorsing", "schorsing"
    DREIGENDE_VERWIJDERING = "dreigende_verwijdering", "dreigende verwijdering"
    VERWIJDERING = "verwijdering", "verwijdering"


class Onderzoeksverslagen(models.TextChoices):
    BIJGEVOEGD = "bijgevoegd", "verslagen van relevant onderzoek zitten in het dossier"
    GEEN = "geen", "er is geen relevant onderzoek gedaan"


# --- the team -------------------------------------------------------------------------------------


class TeamRol(models.TextChoices):
    DIRECTEUR_SWV = "directeur_swv", "directeur samenwerkingsverband"
    GEDRAGSSPECIALIST = "gedragsspecialist", "gedragsspecialist"
    LEERZAKEN_GEMEENTE = "leerzaken_gemeente", "medewerker leerlingzaken gemeente (op afroep)"
    HULPVERLENER = "hulpverlener", "hulpverlenende instantie die al betrokken is (op afroep)"
    JEUGDVERPLEEGKUNDIGE = "jeugdverpleegkundige", "jeugdverpleegkundige (op afroep)"


KERN_ROLLEN = frozenset({TeamRol.DIRECTEUR_SWV, TeamRol.GEDRAGSSPECIALIST})


# --- meetings ----------------------------------------------------------------------------------


class BijeenkomstStatus(models.TextChoices):
    GEPLAND = "gepland", "gepland"
    GEHOUDEN = "gehouden", "gehouden"


# --- plaatsingsstroom [000] -----------------------------------------------------------------------


class PlaatsingStap(models.IntegerChoices):
    ZELFDE_KLAS = 1, "dezelfde klas bij dezelfde leerkracht"
    ANDERE_KLAS = 2, "een andere klas op dezelfde school"
    ZELFDE_BESTUUR = 3, "een andere school binnen het eigen bestuur"
    BINNEN_SWV = 4, "een andere school binnen het samenwerkingsverband"
    SPECIALE_SETTING = 5, "een speciale setting; via de CLO wordt een afdoende arrangement gezocht"
    SO = 6, "het speciaal onderwijs (so); via de CLO wordt een afdoende arrangement gezocht"


class PlaatsingUitkomst(models.TextChoices):
    OVERGESLAGEN = "overgeslagen", "overgeslagen"
    LOPEND = "lopend", "lopend"
    BEEINDIGD = "beeindigd", "beëindigd"
    DEFINITIEF = "definitief", "definitief geplaatst"
