"""Meldingen of a schorsing (more than one day) and of a verwijdering to the leerplichtambtenaar and
the inspectie [002 L287-296; 004 L618-637; WPO art. 40c; issue 16.11].

The product never reports on the school's behalf: the decision creates, per ontvanger, a melding
with the generated PDF and a task with its term for the school; the school records who reported,
when and how, which meets the term. A schorsing of one day or less is recorded, but no melding."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING
from cases.services.audit import log
from cases.services.brieven import maak_brief
from cases.termijnen import formatteer_datum
from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Termijn
from cases.termijnen.services import start_termijn, voldaan
from verzuim import regels
from verzuim.models import MaatregelMelding, Schorsing, Verwijdering
from verzuim.models.maatregelmeldingen import MeldingOntvanger, MeldWijze
from verzuim.services import eis_rol, eis_school, weiger
from verzuim.termijnen import MELDING_MAATREGEL

GEEN_MELDING_EEN_DAG = (
    "Geen melding aan leerplicht en inspectie: een schorsing van één dag of korter hoeft niet te worden "
    "gemeld (alleen langer dan één dag: WPO art. 40c, verzuimkaart). De schorsing is wel vastgelegd."
)


def _adres(ontvanger: str, school) -> dict[str, str]:
    """The addressee; no postal address is invented: the school sends through the channel it uses."""
    if ontvanger == MeldingOntvanger.INSPECTIE:
        return {"naam": "Inspectie van het Onderwijs", "adres": "", "postcode_plaats": ""}
    return {
        "naam": f"De leerplichtambtenaar van de gemeente {school.gemeente.naam}",
        "adres": "Afdeling Leerplicht",
        "postcode_plaats": school.gemeente.naam,
    }


def _gegevens(maatregel) -> dict:
    """The fields the inspectie asks for: school, BRIN, leerling, dates, duration, reason and the
    measures taken [issue 16.11]."""
    school = maatregel.school
    gegevens = {
        "school": school.naam,
        "brin": school.brin_vestiging,
        "bestuur": school.bestuur.naam,
        "gemeente": school.gemeente.naam,
        "geboortedatum": maatregel.leerling.geboortedatum,
        "reden": maatregel.aanleiding,
        "ouders_geinformeerd_op": maatregel.ouders_geinformeerd_op,
        "interventie_gestart": maatregel.interventie_gestart,
    }
    if isinstance(maatregel, Schorsing):
        gegevens.update(
            soort="schorsing",
            van=maatregel.van,
            tot=maatregel.tot,
            duur=f"{maatregel.dagen} dag{'en' if maatregel.dagen != 1 else ''}",
            besluit_op=maatregel.besluit_verzonden_op,
            maatregelen=maatregel.onderwijs_tijdens,
            gesprek_ouders_op=maatregel.gesprek_ouders_op,
        )
    else:
        gegevens.update(
            soort="verwijdering",
            van=maatregel.besluit_verzonden_op,
            tot=None,
            duur="definitief, zodra een andere school bereid is de leerling toe te laten (WPO art. 40)",
            besluit_op=maatregel.besluit_verzonden_op,
            voornemen_op=maatregel.voornemen_op,
            leerkracht_gehoord_op=maatregel.leerkracht_gehoord_op,
            ouders_gehoord_op=maatregel.ouders_gehoord_op,
            maatregelen="; ".join(
                f"{z.school} benaderd op {formatteer_datum(z.benaderd_op)} ({z.get_antwoord_display()})"
                for z in maatregel.zoekpogingen.all()
            ),
        )
    return gegevens


def maak_meldingen(
    *, maatregel: Schorsing | Verwijdering, door, ondertekenaar: str
) -> list[MaatregelMelding]:
    """Called inside the decision's transaction: one melding per ontvanger, each with its PDF and a
    task for the school. A schorsing of one day or less gets none [WPO art. 40c]."""
    if isinstance(maatregel, Schorsing) and not regels.schorsing_meldplichtig(maatregel.van, maatregel.tot):
        return []
    soort_veld = "schorsing" if isinstance(maatregel, Schorsing) else "verwijdering"
    school = maatregel.school
    gegevens = _gegevens(maatregel)
    meldingen = []
    for ontvanger in (MeldingOntvanger.LEERPLICHT, MeldingOntvanger.INSPECTIE):
        melding = MaatregelMelding.objects.create(
            leerling=maatregel.leerling,
            school=school,
            gemeente=school.gemeente,
            ontvanger=ontvanger,
            **{soort_veld: maatregel},
        )
        label = MeldingOntvanger(ontvanger).label
        maak_brief(
            zaak=melding,
            leerling=maatregel.leerling,
            soort=f"melding_{soort_veld}",
            template="brieven/maatregel_melding.html",
            onderwerp=f"Melding {soort_veld} aan {label}",
            door=door,
            ondertekenaar=ondertekenaar,
            geadresseerden=[_adres(ontvanger, school)],
            context={**gegevens, "ontvanger": label},
        )
        start_termijn(
            soort=MELDING_MAATREGEL,
            start=maatregel.besluit_verzonden_op,
            swv=school.swv,
            school=school,
            leerling=maatregel.leerling,
            zaak=melding,
            door=door,
            omschrijving=f"{soort_veld} melden aan {label}",
        )
        meldingen.append(melding)
    return meldingen


def termijn_van(melding: MaatregelMelding) -> Termijn | None:
    """The school's reporting task of this melding (the newest, should one have been restarted)."""
    from cases.termijnen.selectors import termijnen_van

    return termijnen_van(melding).filter(soort=MELDING_MAATREGEL).order_by("-pk").first()


@transaction.atomic
def leg_melding_vast(
    *,
    melding: MaatregelMelding,
    gemeld_op: date | None,
    wijze: str,
    kenmerk: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> MaatregelMelding:
    """The school records that it reported: when, how and (optionally) the portal's reference."""
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, *SCHOOLLEIDING, melding="Alleen de intern begeleider of de directeur legt de melding vast.")
    melding = (
        MaatregelMelding.objects.select_for_update(of=("self",))
        .select_related("schorsing", "verwijdering")
        .get(pk=melding.pk)
    )
    eis_school(door, melding.school_id)
    if melding.is_gemeld:
        raise weiger(
            f"Deze melding is al vastgelegd: gemeld op {formatteer_datum(melding.gemeld_op)} "
            f"({melding.get_wijze_display()})."
        )
    besluit_op = melding.maatregel.besluit_verzonden_op
    fouten: dict[str, str] = {}
    if gemeld_op is None:
        fouten["gemeld_op"] = "Leg vast op welke dag de school de melding deed."
    elif gemeld_op > vandaag:
        fouten["gemeld_op"] = "Deze datum ligt in de toekomst; leg de melding vast als ze is gedaan."
    elif besluit_op and gemeld_op < besluit_op:
        fouten["gemeld_op"] = (
            f"De melding kan niet vóór het besluit van {formatteer_datum(besluit_op)} zijn gedaan."
        )
    if wijze not in MeldWijze.values:
        fouten["wijze"] = "Kies hoe de school de melding deed: via het portaal, per e-mail of per brief."
    if fouten:
        raise ValidationError(fouten)
    melding.gemeld_op, melding.wijze, melding.kenmerk, melding.gemeld_door = (
        gemeld_op,
        wijze,
        kenmerk.strip(),
        door,
    )
    melding.save(update_fields=["gemeld_op", "wijze", "kenmerk", "gemeld_door"])
    maatregel = melding.maatregel
    veld = "lpa_gemeld_op" if melding.ontvanger == MeldingOntvanger.LEERPLICHT else "inspectie_gemeld_op"
    setattr(maatregel, veld, gemeld_op)
    maatregel.save(update_fields=[veld])
    termijn = termijn_van(melding)
    if termijn is not None and termijn.status in OPEN_STATUSSEN:
        voldaan(termijn=termijn, op=gemeld_op, reden=f"gemeld {melding.get_wijze_display()}", door=door)
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=melding,
        leerling=melding.leerling,
        omschrijving=f"{melding.soort} gemeld aan {melding.get_ontvanger_display()} "
        f"({melding.get_wijze_display()})",
    )
    return melding
