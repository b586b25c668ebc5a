"""Ondersteuningsteam (OT): the verslag of an OT-bespreking, start or vervolg, exactly as the
formats of bijlage 3.8.2 and 3.8.3 ask [002; domain §4], with the aanwezigen, the afspraken (wat,
wie, uiterlijk wanneer [003, leerpunt 7]) and addenda.

An IB'er drafts a verslag (concept: everything optional, nothing lost), then vaststelt it. A
vastgesteld verslag is immutable: the model refuses to save or delete it (and its aanwezigen and
afspraken), except for the few bookkeeping fields listed in `NA_VASTSTELLEN_TOEGESTAAN`. A
correction is an Addendum that records who wrote it and when."""

from __future__ import annotations

import uuid
from datetime import date

import django_fsm
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from cases.models.leerling import Leerling


class OnveranderlijkFout(ValidationError):
    """Raised when code tries to change something that has been vastgesteld."""


class Status(models.TextChoices):
    CONCEPT = "concept", "concept"
    VASTGESTELD = "vastgesteld", "vastgesteld"


class VastgesteldBewaking(django_fsm.ConcurrentTransitionMixin):
    """Model-level guard: once the row was loaded (or saved) as vastgesteld, `save()` only accepts
    `update_fields` within NA_VASTSTELLEN_TOEGESTAAN and `delete()` is refused. Because the guard
    uses the state the row had when loaded, it costs no query; ConcurrentTransitionMixin refuses
    to save a stale concept copy of a row that was vastgesteld meanwhile."""

    NA_VASTSTELLEN_TOEGESTAAN: frozenset[str] = frozenset()
    ONVERANDERLIJK_MELDING = "Dit is vastgesteld en kan niet meer worden gewijzigd. Voeg een addendum toe."

    def _update_initial_state(self) -> None:
        super()._update_initial_state()
        self._status_bij_laden = self.__dict__.get("status")

    def was_vastgesteld(self) -> bool:
        return not self._state.adding and getattr(self, "_status_bij_laden", None) == Status.VASTGESTELD

    def save(self, *args, **kwargs):
        if self.was_vastgesteld():
            velden = kwargs.get("update_fields")
            if velden is None or not set(velden) <= self.NA_VASTSTELLEN_TOEGESTAAN:
                raise OnveranderlijkFout(self.ONVERANDERLIJK_MELDING, code="vastgesteld")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.was_vastgesteld():
            raise OnveranderlijkFout(self.ONVERANDERLIJK_MELDING, code="vastgesteld")
        return super().delete(*args, **kwargs)


class BewaakteQuerySet(models.QuerySet):
    """Bulk update/delete may not bypass the guard: refused when a vastgesteld row is touched."""

    status_pad = "status"
    toegestaan: frozenset[str] = frozenset()

    def _raakt_vastgesteld(self) -> bool:
        return self.filter(**{self.status_pad: Status.VASTGESTELD}).exists()

    def update(self, **kwargs):
        if not set(kwargs) <= self.toegestaan and self._raakt_vastgesteld():
            raise OnveranderlijkFout(VastgesteldBewaking.ONVERANDERLIJK_MELDING, code="vastgesteld")
        return super().update(**kwargs)

    def delete(self):
        if self._raakt_vastgesteld():
            raise OnveranderlijkFout(VastgesteldBewaking.ONVERANDERLIJK_MELDING, code="vastgesteld")
        return super().delete()


class OTSoort(models.TextChoices):
    START = "start", "OT – start"
    VERVOLG = "vervolg", "OT – vervolg"


class OTUitkomst(models.TextChoices):
    """What an OT can agree on [002 bijlage 3.6, stap 7]."""

    BEANTWOORD = "beantwoord", "Hulpvraag beantwoord: de leerkracht gaat verder met de cyclus (stap 1–5)"
    HGO_DESKUNDIGHEID = "hgo_deskundigheid", "HGO-arrangement deskundigheid SWV wordt ingezet"
    HGO_MIDDELEN = "hgo_middelen", "HGO-arrangement (deskundigheid en €) wordt samengesteld"
    LOKAAL_TEAM = "lokaal_team", "Deskundigheid vanuit het lokaal team wordt ingezet"
    COMBINATIE = "combinatie", "Gecombineerde deskundigheid SWV en lokaal team wordt ingezet"
    TLV = "tlv", "Een TLV wordt aangevraagd"


ARRANGEMENT_UITKOMSTEN = frozenset(
    {OTUitkomst.HGO_DESKUNDIGHEID, OTUitkomst.HGO_MIDDELEN, OTUitkomst.LOKAAL_TEAM, OTUitkomst.COMBINATIE}
)


class OTQuerySet(BewaakteQuerySet):
    toegestaan = frozenset(
        {"pdf", "pdf_sha256", "pdf_gemaakt_op", "pdf_aantal_addenda", "pdf_aangevraagd_op"}
    )

    def filter_for_user(self, user):
        """Verslagen of the leerlingen the user may see [domain §2]."""
        return self.filter(leerling__in=Leerling.objects.filter_for_user(user))


def _pdf_pad(instance, filename: str) -> str:
    # Random name: never a pupil's name or BSN in a filename.
    return f"ot-verslagen/{date.today():%Y}/{uuid.uuid4().hex}.pdf"


class OTBespreking(VastgesteldBewaking, models.Model):
    """Verslag ondersteuningsteam (OT) – start [002 bijlage 3.8.2] or – vervolg [bijlage 3.8.3]."""

    NA_VASTSTELLEN_TOEGESTAAN = OTQuerySet.toegestaan

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="ot_besprekingen")
    soort = models.CharField(max_length=10, choices=OTSoort.choices, default=OTSoort.START)
    status = django_fsm.FSMField(default=Status.CONCEPT, choices=Status.choices, protected=True)

    datum = models.DateField("datum", null=True, blank=True)
    ouders_uitgenodigd = models.BooleanField(
        "ouders zijn uitgenodigd", default=False, help_text="Ouders worden altijd uitgenodigd voor het OT."
    )
    doelen = models.TextField("doelen van het overleg en bespreekpunten", blank=True)
    hulpvraag = models.TextField("verslaglegging: wat is de hulpvraag?", blank=True)
    # Vervolg only [bijlage 3.8.3]: "gesprekspunten (mits aan de orde)".
    gesprek_bao_bao = models.TextField(
        "bao-bao",
        blank=True,
        help_text="Is plaatsing op een andere basisschool afgewogen? Met welke uitkomst?",
    )
    gesprek_gespecialiseerd = models.TextField("gespecialiseerd onderwijs", blank=True)
    gesprek_so_sbo = models.TextField("afweging so/sbo", blank=True)
    gesprek_context = models.TextField("mogelijkheden in de context", blank=True)
    visie_ouders = models.TextField("ouders: visie en ervaringen", blank=True)
    visie_betrokkenen = models.TextField(
        "visie andere betrokkenen", blank=True, help_text="Bijvoorbeeld BSO, CJG, school- of jeugdarts."
    )
    bevindingen = models.TextField("bevindingen", blank=True)
    uitkomst = models.CharField(
        "uitkomst van het OT",
        max_length=20,
        choices=OTUitkomst.choices,
        blank=True,
        help_text="Wat is er afgesproken over de ondersteuning (checklist leerlingondersteuning, stap 7)?",
    )
    vervolgafspraak = models.TextField(
        "vervolgafspraak",
        blank=True,
        help_text="Bij een start-OT: de afspraak voor OT 2. Bij een vervolg-OT: "
        "de afspraak ten aanzien van het vervolg.",
    )
    vervolg_datum = models.DateField("datum volgend OT", null=True, blank=True)

    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    vastgesteld_op = models.DateTimeField(null=True, blank=True)

    # The PDF of the vastgesteld verslag, rendered off the request path (cases/dossier/services/ot.py).
    pdf = models.FileField(upload_to=_pdf_pad, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_gemaakt_op = models.DateTimeField(null=True, blank=True)
    pdf_aantal_addenda = models.PositiveSmallIntegerField(default=0)
    pdf_aangevraagd_op = models.DateTimeField(null=True, blank=True)

    objects = OTQuerySet.as_manager()

    class Meta:
        verbose_name = "OT-verslag"
        verbose_name_plural = "OT-verslagen"
        ordering = ["leerling", "-datum", "-pk"]
        indexes = [models.Index(fields=["leerling", "status"])]

    def __str__(self) -> str:
        wanneer = f" {self.datum:%d-%m-%Y}" if self.datum else ""
        return f"{self.get_soort_display()}{wanneer}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == Status.VASTGESTELD

    @property
    def is_vervolg(self) -> bool:
        return self.soort == OTSoort.VERVOLG

    @property
    def peildatum(self) -> date:
        """The date the verslag counts for on the timeline: the meeting, or when it was started."""
        return self.datum or self.aangemaakt_op.date()

    @django_fsm.transition(field=status, source=Status.CONCEPT, target=Status.VASTGESTELD)
    def vaststellen(self, *, door, op) -> None:
        """Concept → vastgesteld; completeness is checked by the service first [002 bijlage 3.8.2]."""
        self.vastgesteld_door = door
        self.vastgesteld_op = op


class AanwezigeRol(models.TextChoices):
    OUDER = "ouder", "ouder/verzorger"
    LEERKRACHT = "leerkracht", "leerkracht"
    IB = "ib", "intern begeleider (voorzitter)"
    SC = "sc", "steunpuntcoördinator (SWV)"
    ANDERS = "anders", "andere functie"


class _KindVanVerslag(models.Model):
    """A row that belongs to a verslag and is frozen with it."""

    toegestaan_na_vaststellen: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        velden = kwargs.get("update_fields")
        if (
            not (velden is not None and set(velden) <= self.toegestaan_na_vaststellen)
            and self._verslag_vastgesteld()
        ):
            raise OnveranderlijkFout(VastgesteldBewaking.ONVERANDERLIJK_MELDING, code="vastgesteld")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._verslag_vastgesteld():
            raise OnveranderlijkFout(VastgesteldBewaking.ONVERANDERLIJK_MELDING, code="vastgesteld")
        return super().delete(*args, **kwargs)

    def _verslag_vastgesteld(self) -> bool:
        return OTBespreking.objects.filter(pk=self.bespreking_id, status=Status.VASTGESTELD).exists()


class KindQuerySet(BewaakteQuerySet):
    status_pad = "bespreking__status"


class Aanwezige(_KindVanVerslag):
    """Aanwezig: naam en functie [bijlage 3.8.2]."""

    bespreking = models.ForeignKey(OTBespreking, on_delete=models.CASCADE, related_name="aanwezigen")
    naam = models.CharField(max_length=200, blank=True)
    rol = models.CharField(
        "aan tafel als", max_length=12, choices=AanwezigeRol.choices, default=AanwezigeRol.ANDERS
    )
    functie = models.CharField(
        "functie",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld jeugdarts, ambulant begeleider, moeder.",
    )

    objects = KindQuerySet.as_manager()

    class Meta:
        verbose_name = "aanwezige"
        verbose_name_plural = "aanwezigen"
        ordering = ["bespreking", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.functie_tekst})"

    @property
    def functie_tekst(self) -> str:
        if self.functie:
            return self.functie
        return "" if self.rol == AanwezigeRol.ANDERS else AanwezigeRol(self.rol).label


class AfspraakQuerySet(KindQuerySet):
    toegestaan = frozenset({"afgerond_op", "afgerond_door"})

    def filter_for_user(self, user):
        return self.filter(leerling__in=Leerling.objects.filter_for_user(user))

    def open(self):
        """Agreed (verslag vastgesteld) and not yet done."""
        return self.filter(bespreking__status=Status.VASTGESTELD, afgerond_op__isnull=True)


class Afspraak(_KindVanVerslag):
    """Een afspraak: wat, wie, uiterlijk wanneer — an agreement without an owner and a date is
    not kept [003, leerpunt 7; 002 §1.2 'wie de regie neemt en wie wat doet']."""

    toegestaan_na_vaststellen = AfspraakQuerySet.toegestaan

    bespreking = models.ForeignKey(OTBespreking, on_delete=models.CASCADE, related_name="afspraken")
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="afspraken")
    wat = models.TextField("wat", blank=True)
    wie = models.CharField("wie", max_length=200, blank=True)
    uiterlijk = models.DateField("uiterlijk wanneer", null=True, blank=True)
    afgerond_op = models.DateField(null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["uiterlijk", "pk"]
        indexes = [models.Index(fields=["leerling", "afgerond_op"])]

    def __str__(self) -> str:
        return self.wat[:60]

    def is_te_laat(self, vandaag: date) -> bool:
        return self.afgerond_op is None and self.uiterlijk is not None and self.uiterlijk < vandaag


class Addendum(models.Model):
    """A correction or addition to a vastgesteld verslag; itself never changed afterwards."""

    bespreking = models.ForeignKey(OTBespreking, on_delete=models.PROTECT, related_name="addenda")
    tekst = models.TextField("aanvulling of correctie")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "addendum"
        verbose_name_plural = "addenda"
        ordering = ["bespreking", "op"]

    def __str__(self) -> str:
        return f"addendum {self.op:%d-%m-%Y %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout("Een addendum kan niet worden gewijzigd; voeg een nieuw addendum toe.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een addendum kan niet worden verwijderd.")
