"""The yearly verantwoording of the schoolbesturen and its escalation [002 L392-398, bijlage 2.4.1].

Every November the SWV asks each schoolbestuur for its verantwoording over the past year. Not
delivering, delivering late or delivering something ondeugdelijk is a situation of the
escalatieladder: the product opens the escalation (step 1, the signal) itself, once per
verantwoording, so the functionaris of the SWV continues from there."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from cases.models import Samenwerkingsverband, Schoolbestuur
from cases.models.audit import AuditActie
from cases.services.audit import log
from verzuim.models import Escalatie, EscalatieStap, Verantwoording
from verzuim.models.thuiszitters import EscalatieSituatie, StapSoort
from verzuim.models.verantwoording import STANDAARD_AANLEVERTERMIJN, VERANTWOORDING_ROLLEN, Beoordeling
from verzuim.services import eis_in_scope, eis_rol


@transaction.atomic
def vraag_verantwoording(
    *,
    swv: Samenwerkingsverband,
    jaar: int,
    gevraagd_op: date | None = None,
    uiterlijk: date | None = None,
    door=None,
    request=None,
) -> list[Verantwoording]:
    """Ask every schoolbestuur of `swv` for its verantwoording over `jaar`. Safe to re-run: a
    bestuur that was asked already is not asked again (one per bestuur per year)."""
    if door is not None:
        eis_rol(
            door,
            *VERANTWOORDING_ROLLEN,
            melding="De verantwoording vraagt het bureau van het samenwerkingsverband uit.",
        )
    gevraagd_op = gevraagd_op or timezone.localdate()
    uiterlijk = uiterlijk or gevraagd_op + STANDAARD_AANLEVERTERMIJN
    if uiterlijk < gevraagd_op:
        raise ValidationError({"uiterlijk": "De uiterste datum ligt vóór de datum van de vraag."})
    if jaar >= gevraagd_op.year + 1:
        raise ValidationError({"jaar": "De verantwoording gaat over een jaar dat voorbij is."})
    al = set(Verantwoording.objects.filter(swv=swv, jaar=jaar).values_list("bestuur_id", flat=True))
    nieuw = Verantwoording.objects.bulk_create(
        Verantwoording(swv=swv, bestuur=b, jaar=jaar, gevraagd_op=gevraagd_op, uiterlijk=uiterlijk)
        for b in Schoolbestuur.objects.filter(swv=swv).exclude(pk__in=al).order_by("naam")
    )
    if nieuw:
        log(
            actie=AuditActie.AANGEMAAKT,
            request=request,
            user=door,
            swv=swv,
            omschrijving=f"verantwoording {jaar} uitgevraagd bij {len(nieuw)} schoolbestuur/-besturen",
        )
    return nieuw


def _escaleer(v: Verantwoording, *, reden: str, peildatum: date, door=None) -> Escalatie:
    eerder_te_laat = Verantwoording.objects.filter(
        Q(aangeleverd_op__gt=F("uiterlijk")) | Q(aangeleverd_op__isnull=True, uiterlijk__lt=peildatum),
        bestuur_id=v.bestuur_id,
        jaar__lt=v.jaar,
    ).exists()
    herhaald = (
        " Ook een eerdere verantwoording kwam te laat (herhaalde malen te laat)." if eerder_te_laat else ""
    )
    e = Escalatie.objects.create(
        swv_id=v.swv_id,
        regio=None,
        bestuur_id=v.bestuur_id,
        situatie=EscalatieSituatie.VERANTWOORDING,
        geopend_op=peildatum,
        aanleiding=f"Verantwoording {v.jaar} van {v.bestuur}: {reden}.{herhaald}",
    )
    EscalatieStap.objects.create(
        escalatie=e,
        stap=StapSoort.SIGNAAL,
        datum=peildatum,
        door=door,
        toelichting=f"Signaal uit de jaarlijkse verantwoording (gevraagd op {v.gevraagd_op:%d-%m-%Y}, "
        f"uiterlijk {v.uiterlijk:%d-%m-%Y}).",
    )
    v.escalatie = e
    v.save(update_fields=["escalatie"])
    log(actie=AuditActie.AANGEMAAKT, user=door, obj=e, swv=v.swv, omschrijving="escalatie verantwoording")
    return e


@transaction.atomic
def leg_aanlevering_vast(
    *,
    verantwoording: Verantwoording,
    aangeleverd_op: date | None,
    beoordeling: str,
    toelichting: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> Verantwoording:
    """Record that (and when) the bestuur delivered, and whether the content is deugdelijk. Late
    or ondeugdelijk opens the escalation, unless this verantwoording has one already."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(
        door,
        *VERANTWOORDING_ROLLEN,
        melding="De verantwoording beoordeelt het bureau van het samenwerkingsverband.",
    )
    v = Verantwoording.objects.select_for_update().get(pk=verantwoording.pk)
    eis_in_scope(door, v)
    fouten = {}
    if aangeleverd_op is None:
        fouten["aangeleverd_op"] = "Vul de datum in waarop het schoolbestuur de verantwoording aanleverde."
    elif aangeleverd_op > vandaag:
        fouten["aangeleverd_op"] = "Deze datum ligt in de toekomst."
    elif aangeleverd_op < v.gevraagd_op:
        fouten["aangeleverd_op"] = f"De verantwoording is pas op {v.gevraagd_op:%d-%m-%Y} gevraagd."
    if beoordeling not in Beoordeling.values:
        fouten["beoordeling"] = "Kies of de inhoud deugdelijk is."
    elif beoordeling == Beoordeling.ONDEUGDELIJK and not toelichting.strip():
        fouten["toelichting"] = (
            "Schrijf op wat er aan de inhoud ontbreekt; dat is het signaal voor de escalatie."
        )
    if fouten:
        raise ValidationError(fouten)
    v.aangeleverd_op, v.beoordeling, v.toelichting, v.vastgelegd_door = (
        aangeleverd_op,
        beoordeling,
        toelichting,
        door,
    )
    v.save(update_fields=["aangeleverd_op", "beoordeling", "toelichting", "vastgelegd_door"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=v,
        swv=v.swv,
        omschrijving="verantwoording vastgelegd",
    )
    if v.escalatie_id is None:
        if beoordeling == Beoordeling.ONDEUGDELIJK:
            _escaleer(
                v, reden="de inhoud is ondeugdelijk: " + toelichting.strip(), peildatum=vandaag, door=door
            )
        elif aangeleverd_op > v.uiterlijk:
            _escaleer(
                v, reden=f"te laat aangeleverd op {aangeleverd_op:%d-%m-%Y}", peildatum=vandaag, door=door
            )
    return v


@transaction.atomic
def signaleer_verantwoordingen(*, peildatum: date | None = None) -> list[Escalatie]:
    """Daily and safe to re-run: every verantwoording past its last day and not delivered, without
    an escalation, gets one [002 L396]."""
    peildatum = peildatum or timezone.localdate()
    laat = (
        Verantwoording.objects.select_for_update(of=("self",))
        .filter(aangeleverd_op__isnull=True, uiterlijk__lt=peildatum, escalatie__isnull=True)
        .select_related("bestuur", "swv")
    )
    return [_escaleer(v, reden="niet aangeleverd", peildatum=peildatum) for v in laat]


@transaction.atomic
def vraag_alle_verantwoordingen(*, peildatum: date | None = None) -> int:
    """The yearly task of 1 November: every SWV asks its besturen about the past year."""
    peildatum = peildatum or timezone.localdate()
    return sum(
        len(vraag_verantwoording(swv=swv, jaar=peildatum.year - 1, gevraagd_op=peildatum))
        for swv in Samenwerkingsverband.objects.all()
    )
