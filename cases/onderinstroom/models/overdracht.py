"""The overdrachtsdocument jonge kind "van voorschool naar school" [002 bijlage 3.10, L541-589]: a
structured form, filled in by the voorschoolse voorziening (in this product the CJK enters it on its
behalf), delivered securely to the school van aanmelding [002 L802]. It replaces the OPP in a
TLV-aanvraag for a young child [002 L802]. Once delivered it no longer changes.

Naam kind, geboortedatum and meisje/jongen are the Leerling's own fields, shown, not copied."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .onderinstroom import Onderinstroom

BRON = "[002 bijlage 3.10]"


class TypeVoorziening(models.TextChoices):
    REGULIER = "regulier", "reguliere opvang"
    VVE = "vve", "VVE specialisatie"
    MKD = "mkd", "medisch kinderdagverblijf"


class Conclusie(models.TextChoices):
    REGULIER = "regulier", "start op regulier onderwijs"
    REGULIER_HGO = "regulier_hgo", "start op regulier onderwijs met HGO"
    TLV_SBO = "tlv_sbo", "aanvraag TLV SBO"
    TLV_SO = "tlv_so", "aanvraag TLV SO"
    ANDERS = "anders", "anders, namelijk"


TLV_CONCLUSIES = frozenset({Conclusie.TLV_SBO, Conclusie.TLV_SO})

# The sections of the form, in the order of bijlage 3.10: (title, fields). The page and the form
# template walk this, so the form and its read-only view can never differ in what they show.
SECTIES: list[tuple[str, tuple[str, ...]]] = [
    (
        "Kind en ouders/verzorgers",
        ("adres_kind", "nationaliteit", "thuistaal", "email_ouders", "telefoon_ouders"),
    ),
    (
        "Voorschoolse voorziening",
        ("voorschoolse_voorziening", "contactpersoon", "email_contactpersoon", "telefoon_contactpersoon"),
    ),
    ("Toelichting voorschoolse periode", ("beschrijving_kind", "hulpvragen", "beschrijving_periode")),
    ("Stimulerende factoren kind", ("stimulerende_factoren",)),
    (
        "Onderwijsbelemmeringen",
        (
            "cognitie",
            "werkhouding",
            "contactvaardigheden",
            "taal_spraak",
            "motoriek",
            "gedrag_groep",
            "opvoeding",
            "overig",
        ),
    ),
    ("Geboden begeleiding", ("type_voorziening", "begeleiding")),
    ("Onderwijs- en ondersteuningsbehoefte", ("ondersteuningsbehoefte",)),
    ("Nazorg", ("nazorg_cjg", "nazorg_hulpverlening", "nazorg_gewenst")),
    ("Conclusie / advies", ("conclusie", "conclusie_anders")),
    ("Bijlagen en handtekening", ("bijlagen", "ouders_ondertekend_op")),
]
# What must be filled in before the document can be delivered (the rest may stay empty).
VERPLICHT_BIJ_AFLEVEREN = (
    "voorschoolse_voorziening",
    "beschrijving_kind",
    "ondersteuningsbehoefte",
    "conclusie",
    "ouders_ondertekend_op",
)


def _tekst(label: str, help_text: str = "") -> models.TextField:
    return models.TextField(label, blank=True, help_text=help_text)


class Overdrachtsdocument(models.Model):
    onderinstroom = models.OneToOneField(
        Onderinstroom, on_delete=models.PROTECT, related_name="overdrachtsdocument"
    )
    # Kind en ouders
    adres_kind = models.CharField("adres kind (straat, postcode, woonplaats)", max_length=200, blank=True)
    nationaliteit = models.CharField(max_length=80, blank=True)
    thuistaal = models.CharField("welke taal wordt thuis gesproken?", max_length=80, blank=True)
    email_ouders = models.EmailField("e-mailadres ouders/verzorgers", blank=True)
    telefoon_ouders = models.CharField("telefoonnummer ouders/verzorgers", max_length=40, blank=True)
    # Voorschoolse voorziening
    voorschoolse_voorziening = models.CharField(max_length=200, blank=True)
    contactpersoon = models.CharField("naam contactpersoon", max_length=200, blank=True)
    email_contactpersoon = models.EmailField("e-mailadres contactpersoon", blank=True)
    telefoon_contactpersoon = models.CharField("telefoonnummer contactpersoon", max_length=40, blank=True)
    # Toelichting voorschoolse periode
    beschrijving_kind = _tekst("korte beschrijving van het kind")
    hulpvragen = _tekst("hulpvragen / concrete doelen bij start voorschoolse periode")
    beschrijving_periode = _tekst("korte beschrijving van de voorschoolse periode")
    stimulerende_factoren = _tekst(
        "stimulerende factoren", "Welke zijn aanwezig en hoe zijn ze effectief in te zetten?"
    )
    # Onderwijsbelemmeringen
    cognitie = _tekst("cognitie en leren")
    werkhouding = _tekst("werkhouding")
    contactvaardigheden = _tekst("contactvaardigheden met anderen")
    taal_spraak = _tekst("taal-/spraakontwikkeling")
    motoriek = _tekst("grof-/fijnmotorische ontwikkeling")
    gedrag_groep = _tekst("gedrag in de groep")
    opvoeding = _tekst("relevante factoren in de opvoeding")
    overig = _tekst("overig")
    # Geboden begeleiding
    type_voorziening = models.CharField(
        "type voorschoolse voorziening", max_length=10, choices=TypeVoorziening.choices, blank=True
    )
    begeleiding = _tekst("specifiek ingezette begeleiding voor dit kind en het effect hiervan")
    ondersteuningsbehoefte = _tekst(
        "waar moet de school aan tegemoetkomen?",
        "Gezien de onderwijsondersteuningsbehoeften van het kind.",
    )
    # Nazorg
    nazorg_cjg = _tekst("is er contact / afstemming met CJG / lokaal team en hoe ziet dit eruit?")
    nazorg_hulpverlening = _tekst(
        "is er contact met andere vormen van hulpverlening?",
        "Zo ja: welke hulpverlening en welke begeleiding wordt geboden?",
    )
    nazorg_gewenst = _tekst(
        "is er nazorg gewenst van de voorschoolse voorziening naar school?", "Zo ja, op welke wijze?"
    )
    # Conclusie / advies
    conclusie = models.CharField("conclusie / advies", max_length=15, choices=Conclusie.choices, blank=True)
    conclusie_anders = models.CharField("anders, namelijk", max_length=300, blank=True)
    bijlagen = _tekst(
        "bijlagen (toegevoegd met toestemming van ouders)",
        "Welke verslagen van onderzoek of behandeling meegaan; de stukken zelf staan in het dossier.",
    )
    ouders_ondertekend_op = models.DateField(
        "ouders hebben ondertekend op",
        null=True,
        blank=True,
        help_text="De datum van de handtekening van de ouders op het document.",
    )

    ingevuld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    afgeleverd_op = models.DateTimeField(null=True, blank=True, editable=False)
    afgeleverd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    afgeleverd_aan = models.ForeignKey(
        "cases.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="De school van aanmelding op het moment van afleveren.",
    )
    gezien_op = models.DateTimeField(null=True, blank=True, editable=False)
    gezien_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "overdrachtsdocument jonge kind"
        verbose_name_plural = "overdrachtsdocumenten jonge kind"

    def __str__(self) -> str:
        return f"Overdrachtsdocument {self.onderinstroom.leerling}"

    @property
    def is_afgeleverd(self) -> bool:
        return self.afgeleverd_op is not None

    def ontbrekend(self) -> list[str]:
        """The labels of the fields that must be filled in before delivery."""
        return [
            str(self._meta.get_field(v).verbose_name)
            for v in VERPLICHT_BIJ_AFLEVEREN
            if getattr(self, v) in ("", None)
        ] + (
            [str(self._meta.get_field("conclusie_anders").verbose_name)]
            if self.conclusie == Conclusie.ANDERS and not self.conclusie_anders.strip()
            else []
        )
