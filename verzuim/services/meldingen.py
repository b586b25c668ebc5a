"""Registering absence and reporting it to the leerplichtambtenaar [002 verzuimkaart; Leerplichtwet
art. 21a; domain §10]."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING, RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
from cases.termijnen.services import start_termijn, voldaan
from cases.workflow import kan
from verzuim import regels
from verzuim.models import Verzuimmelding, VerzuimRegistratie
from verzuim.models.meldingen import UREN_MELDINGEN, MeldingSoort, MeldingStatus, RegistratieSoort
from verzuim.selectors import verzuimbeeld
from verzuim.services import eis_rol, eis_school, weiger
from verzuim.termijnen import MELDING_16_UUR


@transaction.atomic
def registreer_verzuim(
    *,
    leerling: Leerling,
    soort: str,
    datum: date,
    uren: Decimal = Decimal("0"),
    tot: date | None = None,
    opmerking: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> VerzuimRegistratie:
    """The school registers absence on a date (hours), a te laat, or a ziekmelding (first and last day)."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, *SCHOOLLEIDING, melding="Alleen de intern begeleider of de directeur registreert verzuim.")
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    if leerling.huidige_school_id is None:
        raise weiger(
            "Deze leerling staat nergens ingeschreven; meld absoluut verzuim bij de leerplichtambtenaar."
        )
    eis_school(door, leerling.huidige_school_id)
    fouten: dict[str, str] = {}
    if soort not in RegistratieSoort.values:
        raise ValidationError({"soort": "Kies wat voor verzuim u registreert."})
    if datum > vandaag:
        fouten["datum"] = "Verzuim kan pas worden geregistreerd op of na de dag zelf."
    if soort == RegistratieSoort.ZIEK:
        if tot is not None and tot < datum:
            fouten["tot"] = "De laatste ziektedag ligt vóór de eerste."
        uren = Decimal("0")
    else:
        tot = None
        if soort == RegistratieSoort.TE_LAAT and not (Decimal("0") <= uren <= Decimal("8")):
            fouten["uren"] = "Geef de gemiste lestijd op in uren (0 tot 8)."
        elif soort != RegistratieSoort.TE_LAAT and not (Decimal("0") < uren <= Decimal("8")):
            fouten["uren"] = "Geef het aantal gemiste lesuren op: meer dan 0 en ten hoogste 8 per dag."
    if datum.weekday() >= 5 and soort != RegistratieSoort.ZIEK:
        fouten.setdefault("datum", "Op zaterdag en zondag is er geen lestijd om te verzuimen.")
    if fouten:
        raise ValidationError(fouten)
    registratie = VerzuimRegistratie.objects.create(
        leerling=leerling,
        school_id=leerling.huidige_school_id,
        soort=soort,
        datum=datum,
        tot=tot,
        uren=uren,
        opmerking=opmerking,
        geregistreerd_door=door,
    )
    _volg_meldplicht(leerling=leerling, door=door, vandaag=vandaag)
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=registratie,
        leerling=leerling,
        omschrijving=f"verzuim geregistreerd: {registratie.get_soort_display()}",
    )
    return registratie


def _open_meldtermijnen(leerling):
    return Termijn.objects.filter(soort=MELDING_16_UUR, leerling=leerling, status__in=OPEN_STATUSSEN)


def _volg_meldplicht(*, leerling: Leerling, door, vandaag: date) -> None:
    """When the 16 hours are reached, start the 5-werkdagen term, so the daily sweep reminds the
    school if no melding follows [Leerplichtwet art. 21a; domain §11]."""
    zestien = verzuimbeeld(user=door, leerling=leerling, peildatum=vandaag).zestien
    if zestien is None or _open_meldtermijnen(leerling).filter(start=zestien.bereikt_op).exists():
        return
    start_termijn(
        soort=MELDING_16_UUR,
        start=zestien.bereikt_op,
        swv=leerling.swv,
        school=leerling.huidige_school,
        leerling=leerling,
        zaak=leerling,
        door=door,
        omschrijving=f"{zestien.uren} uur ongeoorloofd verzuim in 4 lesweken",
    )


def _meldgrond(beeld, soort: str) -> tuple[date, date | None, Decimal]:
    """(plicht ontstaan op, periode van, uren) for a melding of `soort`, or refuse with the reason.
    Only absence from the first day of leerplicht counts [002 L243; Lpw art. 3]."""
    regs = [r for r in beeld.registraties if beeld.telt(r.datum)]
    if soort == MeldingSoort.ZESTIEN_UUR:
        if beeld.zestien is None:
            raise weiger(
                f"De meldplicht van 16 uur in 4 lesweken is niet ontstaan: in de lopende periode staan "
                f"{beeld.uren_lopend} uur ongeoorloofd verzuim (Leerplichtwet art. 21a). Meld spijbelen als "
                "relatief verzuim.",
                "soort",
            )
        return beeld.zestien.bereikt_op, beeld.zestien.periode_van, beeld.zestien.uren
    if soort == MeldingSoort.RELATIEF:
        spijbel = [
            r
            for r in regs
            if r.soort == RegistratieSoort.ONGEOORLOOFD
            and (beeld.laatste_melding_op is None or r.datum > beeld.laatste_melding_op)
        ]
        if not spijbel:
            raise weiger(
                "Er is geen ongeoorloofd verzuim (spijbelen) geregistreerd sinds de vorige melding.", "soort"
            )
        return spijbel[-1].datum, spijbel[0].datum, sum((r.uren for r in spijbel), Decimal(0))
    if soort == MeldingSoort.LUXE:
        luxe = [r for r in regs if r.soort == RegistratieSoort.LUXE]
        gemeld = max(
            (m.plicht_ontstaan_op for m in beeld.meldingen if m.soort == MeldingSoort.LUXE), default=None
        )
        luxe = [r for r in luxe if gemeld is None or r.datum > gemeld]
        if not luxe:
            raise weiger("Er is geen luxe verzuim geregistreerd dat nog niet is gemeld.", "soort")
        return luxe[-1].datum, luxe[0].datum, sum((r.uren for r in luxe), Decimal(0))
    if soort == MeldingSoort.TE_LAAT:
        if beeld.te_laat is None or beeld.te_laat.niveau != "melding":
            raise weiger(
                f"Te laat komen wordt gemeld vanaf de 4e keer (of bij herhaling na een melding); nu: "
                f"{beeld.te_laat_aantal}x [verzuimkaart].",
                "soort",
            )
        laat = [r for r in regs if r.soort == RegistratieSoort.TE_LAAT]
        return laat[-1].datum, None, Decimal(0)
    if soort == MeldingSoort.ZIEKTE:
        if not beeld.ziekte:
            raise weiger(
                "Ziekteverzuim wordt pas gemeld bij een signaal van de verzuimkaart (langer dan 2 weken "
                "of de 5e ziekmelding in een schooljaar); daarna bij niet verschijnen bij hulpverlening.",
                "soort",
            )
        return beeld.peildatum, None, Decimal(0)
    if soort == MeldingSoort.ABSOLUUT:
        return beeld.peildatum, None, Decimal(0)
    raise weiger("Kies een soort verzuim.", "soort")


@transaction.atomic
def meld_verzuim(
    *,
    leerling: Leerling,
    soort: str,
    ouders_geinformeerd_op: date | None,
    toelichting: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> Verzuimmelding:
    """Send a melding to the LPA of the SCHOOL's gemeente; the ouders are told about it
    [002 verzuimkaart: 'Ouders op de hoogte stellen van de melding']."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, *SCHOOLLEIDING, melding="Alleen de intern begeleider of de directeur meldt verzuim.")
    leerling = (
        Leerling.objects.select_for_update(of=("self",))
        .select_related("huidige_school__gemeente")
        .get(pk=leerling.pk)
    )
    if leerling.huidige_school_id is None:
        raise weiger("Deze leerling staat niet (meer) ingeschreven op uw school.")
    eis_school(door, leerling.huidige_school_id)
    fouten: dict[str, str] = {}
    if ouders_geinformeerd_op is None:
        fouten["ouders_geinformeerd_op"] = (
            "Leg vast wanneer de ouders op de hoogte zijn gesteld van de melding."
        )
    elif ouders_geinformeerd_op > vandaag:
        fouten["ouders_geinformeerd_op"] = "Deze datum ligt in de toekomst."
    if soort in (MeldingSoort.ABSOLUUT, MeldingSoort.ZIEKTE) and not toelichting.strip():
        fouten["toelichting"] = "Geef bij deze melding achtergrondinformatie voor de leerplichtambtenaar."
    if fouten:
        raise ValidationError(fouten)
    beeld = verzuimbeeld(user=door, leerling=leerling, peildatum=vandaag)
    if not beeld.leerplichtig:
        # A child under leerplicht age has no legal meldplicht: no melding, no term [002 L243; Lpw art. 3].
        raise weiger(beeld.geen_meldplicht_uitleg, "soort")
    plicht, periode_van, uren = _meldgrond(beeld, soort)
    school = leerling.huidige_school
    melding = Verzuimmelding.objects.create(
        leerling=leerling,
        school=school,
        gemeente=school.gemeente,
        soort=soort,
        toelichting=toelichting,
        plicht_ontstaan_op=plicht,
        periode_van=periode_van,
        uren=uren,
        te_laat_aantal=beeld.te_laat_aantal if soort == MeldingSoort.TE_LAAT else 0,
        ouders_geinformeerd_op=ouders_geinformeerd_op,
        gemeld_op=vandaag,
        gemeld_door=door,
    )
    if soort in UREN_MELDINGEN:
        for termijn in _open_meldtermijnen(leerling):
            voldaan(termijn=termijn, op=vandaag, reden=f"gemeld: {melding.get_soort_display()}", door=door)
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=melding,
        leerling=leerling,
        omschrijving=f"verzuimmelding {melding.get_soort_display()} aan leerplicht "
        f"gemeente {school.gemeente.naam}",
    )
    return melding


def _eis_lpa(door, melding: Verzuimmelding) -> None:
    scope = scope_for(door)
    if not (scope.alles or (scope.heeft(RolSoort.LPA) and melding.gemeente_id in scope.gemeente_ids)):
        raise PermissionDenied(
            "Alleen de leerplichtambtenaar van de gemeente van de school behandelt deze melding."
        )


@transaction.atomic
def neem_in_behandeling(*, melding: Verzuimmelding, door, request=None) -> Verzuimmelding:
    melding = Verzuimmelding.objects.select_for_update().get(pk=melding.pk)
    _eis_lpa(door, melding)
    if melding.status != MeldingStatus.GEMELD:
        raise weiger("Deze melding is al in behandeling of afgehandeld.")
    melding.neem_in_behandeling(door=door)
    melding.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=melding,
        leerling=melding.leerling,
        omschrijving="verzuimmelding in behandeling genomen",
    )
    return melding


@transaction.atomic
def handel_af(*, melding: Verzuimmelding, reactie: str, door, request=None, vandaag: date | None = None):
    """The LPA answers: what leerplicht did (onderzoek, gesprek, waarschuwing, afspraken) [verzuimkaart]."""
    melding = Verzuimmelding.objects.select_for_update().get(pk=melding.pk)
    _eis_lpa(door, melding)
    melding.lpa_reactie = reactie.strip()
    if not kan(melding, "handel_af"):
        if melding.status == MeldingStatus.AFGEHANDELD:
            raise weiger("Deze melding is al afgehandeld.")
        raise weiger(
            "Beschrijf wat leerplicht met de melding heeft gedaan voordat u deze afhandelt.", "reactie"
        )
    melding.handel_af(door=door, op=vandaag or timezone.localdate())
    melding.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.OVERGANG,
        obj=melding,
        leerling=melding.leerling,
        omschrijving="verzuimmelding afgehandeld door leerplicht",
    )
    return melding


__all__ = ["registreer_verzuim", "meld_verzuim", "neem_in_behandeling", "handel_af", "regels"]
