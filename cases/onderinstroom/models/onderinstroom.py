"""A young child's onderinstroom [002 L798-805]: the voorschoolse voorziening involves the contactpersoon
jonge kind (CJK) from the age of 3,5, the CJK advises voorschool and ouders on the child's needs, the
ouders apply at a school (the school van aanmelding), and the CJK hands over to the SC."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from cases import termijnen as regels
from cases.models.leerling import Leerling
from cases.models.organisaties import Regio, Samenwerkingsverband, School

# "Betrek ... op tijd de CJK ... Dit kan vanaf de leeftijd van 3,5 jaar." [002 L801; L800]
CJK_VANAF_MAANDEN = 42
CJK_VANAF_BRON = "[002 L800-801]"
# A child may be admitted to school from the age of four (WPO art. 39 lid 1); jonge kinderen
# "kunnen maandelijks instromen" [002 L797].
TOELATING_MAANDEN = 48


def drie_en_half_jaar_op(geboortedatum: date) -> date:
    """The day the child turns 3,5: the same day number 42 months later, or that month's last day
    (born 31 aug 2022 → 28 feb 2026) [002 L801]."""
    return regels.plus_maanden(geboortedatum, CJK_VANAF_MAANDEN)


def vier_jaar_op(geboortedatum: date) -> date:
    """The fourth birthday (born 29 feb 2020 → 29 feb 2024; born 29 feb 2021 does not exist)."""
    return regels.plus_maanden(geboortedatum, TOELATING_MAANDEN)


def leeftijd_tekst(geboortedatum: date, op: date) -> str:
    """'3 jaar en 7 maanden' on `op`."""
    maanden = max((op.year - geboortedatum.year) * 12 + op.month - geboortedatum.month, 0)
    if maanden and regels.plus_maanden(geboortedatum, maanden) > op:
        maanden -= 1
    jaren, rest = divmod(maanden, 12)
    tekst = f"{jaren} jaar"
    if rest:
        tekst += f" en {rest} {'maand' if rest == 1 else 'maanden'}"
    return tekst


class OnderinstroomQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """CJK and SC: the onderinstroom of their regio, or of a school van aanmelding in their regio
        (a young child is often enrolled nowhere, so the regio is the onderinstroom's own, not the
        pupil's school's); IB'er and directeur of the school van aanmelding: once the
        overdrachtsdocument is delivered to it or an overgangsarrangement runs there; SWV-wide roles:
        their SWV. Never outside an SWV the user has a role in [domain §2; issue 16.10]."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        school = models.Q(school_van_aanmelding_id__in=scope.school_ids) & (
            models.Q(overdrachtsdocument__afgeleverd_op__isnull=False)
            | models.Q(overgangsarrangement__isnull=False)
        )
        q = (
            models.Q(regio_id__in=scope.regio_ids)
            | models.Q(school_van_aanmelding__regio_id__in=scope.regio_ids)
            | models.Q(swv_id__in=scope.swv_ids)
            | school
        )
        return self.filter(q, swv_id__in=scope.swv_ids_alle)


class Onderinstroom(models.Model):
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="onderinstromen")
    leerling = models.OneToOneField(Leerling, on_delete=models.PROTECT, related_name="onderinstroom")
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        related_name="onderinstromen",
        help_text="De regio van de contactpersoon jonge kind.",
    )
    voorschool = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderinstromen_voorschool",
        verbose_name="voorschoolse voorziening",
    )
    cjk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="contactpersoon jonge kind",
    )
    cjk_betrokken_op = models.DateField(
        "CJK betrokken op",
        null=True,
        blank=True,
        help_text="De dag dat de voorschoolse voorziening de CJK betrok; kan vanaf 3,5 jaar [002 L801].",
    )
    advies = models.TextField(
        "advies van de CJK",
        blank=True,
        help_text="Advies aan voorschool en ouders over de ondersteuningsbehoeften [002 L800].",
    )
    advies_op = models.DateField("advies gegeven op", null=True, blank=True)
    school_van_aanmelding = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderinstromen",
        help_text="De school waar de ouders het kind aanmelden; zij heeft de zorgplicht [002 L789].",
    )
    aangemeld_op = models.DateField("aangemeld op", null=True, blank=True)
    overdracht_sc = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="overgedragen aan (SC)",
    )
    overdracht_sc_op = models.DateField("overgedragen aan de SC op", null=True, blank=True)
    overdracht_notitie = models.TextField("wat de CJK overdraagt", blank=True)
    # The TLV-aanvraag started from here (tlv.TLVAanvraag). No foreign key: cases never depends on
    # tlv's models [conventions 'Layout']; the id is looked up through tlv's own queryset.
    tlv_aanvraag_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = OnderinstroomQuerySet.as_manager()

    class Meta:
        verbose_name = "onderinstroom"
        verbose_name_plural = "onderinstromen"
        ordering = ["leerling__geboortedatum", "pk"]
        indexes = [
            models.Index(fields=["swv", "regio"]),
            models.Index(fields=["school_van_aanmelding"]),
        ]

    def __str__(self) -> str:
        return f"Onderinstroom {self.leerling}"

    @property
    def cjk_vanaf(self) -> date:
        return drie_en_half_jaar_op(self.leerling.geboortedatum)

    @property
    def toelaatbaar_vanaf(self) -> date:
        return vier_jaar_op(self.leerling.geboortedatum)
