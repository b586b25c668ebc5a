"""The choices of the TLV-aanvraag: its status (and the groups of statuses the app asks about),
its soort, the herindicatie-optie and the requested schoolsoort [002 bijlage 3.11.1]."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    CONCEPT = "concept", "concept (school)"
    INGEDIEND = "ingediend", "ingediend – formele check"
    INHOUDELIJKE_CHECK = "inhoudelijke_check", "inhoudelijke check"
    AANGEHOUDEN = "aangehouden", "aangehouden – informatie opgevraagd"
    DESKUNDIGEN_TOEWIJZEN = "deskundigen_toewijzen", "deskundigen toewijzen"
    ADVIEZEN = "adviezen", "deskundigen adviseren"
    EINDADVIES = "eindadvies", "eindadvies"
    TLA_VERGADERING = "tla_vergadering", "TLA-vergadering"
    BIJ_VOORZITTER = "bij_voorzitter", "bij de TLA-voorzitter – voorleggen"
    TER_ONDERTEKENING = "ter_ondertekening", "ter ondertekening"
    AFGEGEVEN = "afgegeven", "TLV afgegeven"
    NIET_TOEGEKEND = "niet_toegekend", "TLV niet toegekend"
    BESLUIT_AANGEHOUDEN = "besluit_aangehouden", "besluit aangehouden"
    INGETROKKEN = "ingetrokken", "ingetrokken"
    IN_BEZWAAR = "in_bezwaar", "bezwaar in behandeling"
    BEZWAAR_BESLIST = "bezwaar_beslist", "beslist op bezwaar"


BESLUITEN = (Status.AFGEGEVEN, Status.NIET_TOEGEKEND, Status.BESLUIT_AANGEHOUDEN)
AFGESLOTEN = (*BESLUITEN, Status.INGETROKKEN, Status.IN_BEZWAAR, Status.BEZWAAR_BESLIST)
IN_BEHANDELING = (
    Status.INGEDIEND,
    Status.INHOUDELIJKE_CHECK,
    Status.AANGEHOUDEN,
    Status.DESKUNDIGEN_TOEWIJZEN,
    Status.ADVIEZEN,
    Status.EINDADVIES,
    Status.TLA_VERGADERING,
    Status.BIJ_VOORZITTER,
    Status.TER_ONDERTEKENING,
)
# The states from which information can be requested (Awb 4:15) and to which the aanvraag returns.
OPSCHORTBAAR = (Status.INGEDIEND, Status.INHOUDELIJKE_CHECK, Status.TLA_VERGADERING)


class Soort(models.TextChoices):
    ZIJ_INSTROOM = "zij_instroom", "zij-instroom (verwijzende school)"
    ONDERINSTROOM = "onderinstroom", "onderinstroom (school van aanmelding)"
    HERINDICATIE = "herindicatie", "herindicatie (verlenging)"


class HerindicatieOptie(models.IntegerChoices):
    DOSSIER = 1, "optie 1: iedereen is het eens, advies op basis van het dossier"
    GESPREK = 2, "optie 2: eerst een herindicatiegesprek"


class Schoolsoort(models.TextChoices):
    SBO = "sbo", "speciaal basisonderwijs (sbo)"
    SO = "so", "speciaal onderwijs (so)"
