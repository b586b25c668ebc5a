"""Checks, suspensions, the decision and what follows: the SC's judgement per question of §1.4,
Opschorting (Awb 4:15), Verdaging (Awb 4:14), the signature, the TLV itself and the bezwaar.
Every legal term is a property computed from the dates stored here with cases.termijnen."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from cases.models import Leerling, Samenwerkingsverband
from cases.termijnen import (
    beslistermijn_bezwaar,
    bezwaartermijn_einde,
    plus_werkdagen,
    termijn_berekening,
)

# The SC's content questions [002 §1.4], each judged separately.
SC_VRAGEN = (
    ("proces", "Is het proces goed doorlopen (ten minste twee OT's met het SWV aan tafel)?"),
    (
        "behoeften",
        "Zijn de onderwijs- en ondersteuningsbehoeften helder beschreven, en waarom kan de school die niet bieden?",  # noqa: E501
    ),
    (
        "uitstroomprofiel",
        "Als er sprake was van een ander uitstroomprofiel: is beargumenteerd waarom interventies niet werken?",  # noqa: E501
    ),
    ("bao_bao", "Is beschreven wat maakt dat bao-bao niet haalbaar is?"),
    ("informatie", "Is de informatie recent en relevant, en niet te veel?"),
    ("schoolsoort", "Past de ondersteuningsbehoefte bij de gevraagde schoolsoort?"),
)


class ScOordeel(models.Model):
    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="sc_oordelen")
    vraag = models.CharField(max_length=20, choices=SC_VRAGEN)
    voldoet = models.BooleanField(null=True)
    toelichting = models.TextField(blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "oordeel steunpuntcoördinator"
        verbose_name_plural = "oordelen steunpuntcoördinator"
        constraints = [models.UniqueConstraint(fields=["aanvraag", "vraag"], name="een_oordeel_per_vraag")]

    def __str__(self) -> str:
        return f"{self.get_vraag_display()}: {self.voldoet}"


class Opschorting(models.Model):
    """Information requested on `verzoek_op`, received on `ontvangen_op`: the days in between are
    suspended (Awb 4:15). A request without an answer period does not suspend, so it is required."""

    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="opschortingen")
    verzoek_op = models.DateField("informatie gevraagd op")
    ontbreekt = models.TextField("wat ontbreekt of onduidelijk is")
    antwoord_uiterlijk = models.DateField("aanleveren uiterlijk op")
    ontvangen_op = models.DateField("informatie ontvangen op", null=True, blank=True)
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    brief = models.ForeignKey(
        "cases.Brief", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["verzoek_op", "pk"]

    def __str__(self) -> str:
        return f"Opschorting vanaf {self.verzoek_op:%d-%m-%Y}"


class Verdaging(models.Model):
    """Awb 4:14 lid 3: announced before the 8 weeks end, with a new reasonable term."""

    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="verdagingen")
    gemeld_op = models.DateField()
    nieuwe_termijn = models.DateField("nieuwe (redelijke) beslisdatum")
    reden = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    brief = models.ForeignKey(
        "cases.Brief", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "verdaging"
        verbose_name_plural = "verdagingen"
        ordering = ["gemeld_op", "pk"]

    def __str__(self) -> str:
        return f"Verdaging tot {self.nieuwe_termijn:%d-%m-%Y}"


class Handtekening(models.Model):
    """The directeur-bestuurder's signature: who, when, and the SHA-256 of the exact letter text
    signed. One per aanvraag (a second click, tab or signer cannot sign twice)."""

    aanvraag = models.OneToOneField("tlv.TLVAanvraag", on_delete=models.PROTECT, related_name="handtekening")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField()
    besluit = models.CharField(max_length=30)
    brief = models.ForeignKey("cases.Brief", on_delete=models.PROTECT, related_name="+")
    sha256 = models.CharField("SHA-256 van de ondertekende brieftekst", max_length=64)

    class Meta:
        verbose_name = "handtekening"
        verbose_name_plural = "handtekeningen"

    def __str__(self) -> str:
        return f"Ondertekend door {self.door} op {self.op:%d-%m-%Y %H:%M}"


class BekostigingGrond(models.TextChoices):
    VERWIJZENDE_SCHOOL = "verwijzende_school", "SWV van de verwijzende school [002 L215]"
    HERKOMST = "herkomst", "SWV waar het kind met zijn TLV vandaan komt [002 L216]"
    WOONPLAATS = "woonplaats", "eerste inschrijving: SWV van de woonplaats [002 L216-217]"


class TLVQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        from tlv.models.aanvraag import TLVAanvraag

        return self.filter(aanvraag__in=TLVAanvraag.objects.filter_for_user(user))

    def geldig_op(self, datum: date):
        return self.filter(ingangsdatum__lte=datum, einddatum__gte=datum)


class TLV(models.Model):
    """The toelaatbaarheidsverklaring itself [002 §1.10, §1.16, §1.20, §1.22]."""

    aanvraag = models.OneToOneField("tlv.TLVAanvraag", on_delete=models.PROTECT, related_name="tlv")
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="tlvs")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="tlvs")
    kenmerk = models.CharField(max_length=30, unique=True)
    soort = models.CharField(max_length=20)
    schoolsoort = models.CharField(max_length=3)
    categorie = models.CharField(max_length=6, blank=True)
    periode = models.CharField(max_length=10)
    ingangsdatum = models.DateField()
    einddatum = models.DateField()
    afgegeven_op = models.DateField()
    bekostigend_swv = models.CharField(
        "afgevend en bekostigend samenwerkingsverband",
        max_length=220,
        blank=True,
        help_text="Het SWV dat de TLV afgeeft en de plaats bekostigt [002 L215-217]; standaard het SWV "
        "van de aanvraag.",
    )
    bekostiging_grond = models.CharField(
        "waarom dit samenwerkingsverband",
        max_length=20,
        choices=BekostigingGrond.choices,
        blank=True,
    )

    objects = TLVQuerySet.as_manager()

    class Meta:
        verbose_name = "toelaatbaarheidsverklaring"
        verbose_name_plural = "toelaatbaarheidsverklaringen"
        ordering = ["einddatum"]
        indexes = [models.Index(fields=["swv", "einddatum"])]

    def __str__(self) -> str:
        return self.kenmerk

    def save(self, *args, **kwargs):
        if not self.bekostigend_swv:
            self.bekostigend_swv, self.bekostiging_grond = verantwoordelijk_swv(self.aanvraag)
        super().save(*args, **kwargs)

    def geldig_op(self, datum: date) -> bool:
        """A TLV counts from its ingangsdatum up to and including its einddatum [002 §1.16]."""
        return self.ingangsdatum <= datum <= self.einddatum


def verantwoordelijk_swv(aanvraag) -> tuple[str, str]:
    """Which SWV issues and pays, by the moving rules [002 L215-217]: a herindicatie stays with the
    SWV of the previous TLV (the SWV the child comes from, also after a move); at a first
    enrolment (onderinstroom) the SWV of the woongemeente; otherwise the SWV of the referring
    school. In this product every party of one aanvraag lies in one SWV, so this names it."""
    from tlv.models.keuzes import Soort

    vorige = aanvraag.vorige_tlv
    if vorige is not None and vorige.bekostigend_swv:
        return vorige.bekostigend_swv, BekostigingGrond.HERKOMST
    if aanvraag.soort == Soort.ONDERINSTROOM:
        gemeente = aanvraag.leerling.gemeente
        swv = gemeente.swv if gemeente is not None else aanvraag.swv
        return f"{swv.naam} ({swv.code})", BekostigingGrond.WOONPLAATS
    swv = aanvraag.school.swv
    return f"{swv.naam} ({swv.code})", BekostigingGrond.VERWIJZENDE_SCHOOL


class BezwaarUitkomst(models.TextChoices):
    GEGROND = "gegrond", "gegrond: het besluit wordt herzien"
    ONGEGROND = "ongegrond", "ongegrond: het besluit blijft in stand"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "niet-ontvankelijk (te laat, geen verschoonbare reden)"


class Bezwaar(models.Model):
    """A bezwaar against a TLV decision [002 §1.12, bijlage 2.2.1; Awb 6:7, 6:11, 7:10, 7:13]."""

    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.PROTECT, related_name="bezwaren")
    ontvangen_op = models.DateField("bezwaarschrift ontvangen op")
    indiener = models.CharField(
        max_length=10, choices=[("ouders", "ouders"), ("school", "school"), ("beide", "ouders en school")]
    )
    gronden = models.TextField("gronden van het bezwaar", blank=True)
    verschoonbaar = models.BooleanField(
        "te laat, maar verschoonbaar",
        default=False,
        help_text="Awb 6:11: een te laat bezwaar is ontvankelijk als redelijkerwijs niet kan worden "
        "geoordeeld dat de indiener in verzuim is geweest.",
    )
    verschoonbaar_reden = models.TextField(blank=True)
    # [issue 17] A bezwaar the ouder submitted in the ouderportaal: geregistreerd_door is then the
    # ouder's account; his reason for lateness is input, the SLL judges verschoonbaar (Awb 6:11).
    ingediend_via_portaal = models.BooleanField("ingediend via het ouderportaal", default=False)
    toelichting_te_laat = models.TextField("reden van de ouder voor de late indiening", blank=True)
    bevestigd_op = models.DateField("ontvangst bevestigd op", null=True, blank=True)
    bevestiging = models.ForeignKey(
        "cases.Brief", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bemiddeling_op = models.DateField("gesprek bemiddelingscommissie op", null=True, blank=True)
    bemiddeling_advies_op = models.DateField("advies bemiddelingscommissie op", null=True, blank=True)
    bemiddeling_advies = models.TextField(blank=True)
    landelijke_commissie = models.BooleanField(
        "voorgelegd aan de landelijke bezwaaradviescommissie",
        default=False,
        help_text="Alleen het samenwerkingsverband kan dit doen; de beslistermijn wordt dan 12 weken (Awb 7:10).",  # noqa: E501
    )
    landelijk_advies_op = models.DateField(null=True, blank=True)
    landelijk_advies = models.TextField(blank=True)
    verdaagd = models.BooleanField("beslistermijn eenmaal met 6 weken verdaagd", default=False)
    beslist_op = models.DateField(null=True, blank=True)
    uitkomst = models.CharField(max_length=20, choices=BezwaarUitkomst.choices, blank=True)
    motivering = models.TextField(blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "bezwaar"
        verbose_name_plural = "bezwaren"
        ordering = ["-ontvangen_op"]

    def __str__(self) -> str:
        return f"Bezwaar ontvangen {self.ontvangen_op:%d-%m-%Y}"

    @property
    def besluit_verzonden_op(self) -> date:
        return self.aanvraag.besluit_verzonden_op

    @property
    def bezwaartermijn_einde(self) -> date:
        """Six weeks after the decision was sent (Awb 6:7, 6:8), Atw applied."""
        return bezwaartermijn_einde(self.besluit_verzonden_op)

    def bezwaartermijn_berekening(self):
        return termijn_berekening(
            self.besluit_verzonden_op,
            weken=6,
            basis="Awb 6:7 en 6:8 (zes weken na verzending van het besluit)",
            start_omschrijving="verzending van het besluit",
        )

    @property
    def te_laat(self) -> bool:
        return self.ontvangen_op > self.bezwaartermijn_einde

    @property
    def niet_ontvankelijk(self) -> bool:
        return self.te_laat and not self.verschoonbaar

    @property
    def bevestiging_uiterlijk(self) -> date:
        """Ontvangstbevestiging within 5 werkdagen [002 §1.12; domain §11]."""
        return plus_werkdagen(self.ontvangen_op, 5)

    @property
    def beslistermijn(self) -> date:
        """Awb 7:10: 6 weeks after the bezwaartermijn, 12 with an advisory committee, +6 once."""
        return beslistermijn_bezwaar(
            self.bezwaartermijn_einde, adviescommissie=self.landelijke_commissie, verdaagd=self.verdaagd
        )

    def beslistermijn_berekening(self):
        weken = (12 if self.landelijke_commissie else 6) + (6 if self.verdaagd else 0)
        basis = "Awb 7:10 lid 1" + (
            " (adviescommissie als bedoeld in Awb 7:13: 12 weken)" if self.landelijke_commissie else ""
        )
        if self.verdaagd:
            basis += ", eenmaal verdaagd met 6 weken (lid 3)"
        return termijn_berekening(
            self.bezwaartermijn_einde,
            weken=weken,
            basis=basis,
            start_omschrijving="het einde van de bezwaartermijn",
        )


class Overgang(models.Model):
    """Every state change, written by the services: the basis of the doorlooptijden per stage."""

    aanvraag = models.ForeignKey("tlv.TLVAanvraag", on_delete=models.CASCADE, related_name="overgangen")
    van = models.CharField(max_length=30)
    naar = models.CharField(max_length=30)
    op = models.DateTimeField()
    datum = models.DateField(help_text="De dag waarop de stap is gezet (voor doorlooptijden in dagen).")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = "statusovergang"
        verbose_name_plural = "statusovergangen"
        ordering = ["aanvraag", "op", "pk"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar} ({self.datum:%d-%m-%Y})"

    @property
    def naar_label(self) -> str:
        from tlv.models.keuzes import Status

        return Status(self.naar).label
