"""Absoluut verzuim [002 L252-258; Leerplichtwet art. 2 en 3; issue 16.14]: a leerplichtig child of
the gemeente who is enrolled at no school. No school can report it, so the leerplichtambtenaar of
the child's woongemeente registers it himself (bemiddelen, gesprek, proces-verbaal are his work),
also for a child the product does not yet know. He sees only his own gemeente's children."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Gemeente, Leerling
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from cases.scope import scope_for
from cases.services.audit import log
from cases.termijnen import formatteer_datum, leerplichtig_vanaf
from verzuim.models import Verzuimmelding
from verzuim.models.meldingen import MeldingSoort, MeldingStatus
from verzuim.services import eis_rol, weiger


@transaction.atomic
def registreer_absoluut_verzuim(
    *,
    gemeente: Gemeente,
    voornaam: str,
    achternaam: str,
    geboortedatum: date | None,
    sinds: date | None,
    toelichting: str,
    tussenvoegsel: str = "",
    woonplaats: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> Verzuimmelding:
    vandaag = vandaag or timezone.localdate()
    eis_rol(door, RolSoort.LPA, melding="Alleen de leerplichtambtenaar legt absoluut verzuim vast.")
    if gemeente.pk not in scope_for(door).gemeente_ids:
        raise PermissionDenied("U legt alleen absoluut verzuim vast van kinderen in uw eigen gemeente.")
    fouten: dict[str, str] = {}
    if not voornaam.strip():
        fouten["voornaam"] = "Vul de voornaam van het kind in."
    if not achternaam.strip():
        fouten["achternaam"] = "Vul de achternaam van het kind in."
    if geboortedatum is None:
        fouten["geboortedatum"] = "Vul de geboortedatum in: die bepaalt of het kind leerplichtig is."
    elif geboortedatum >= vandaag:
        fouten["geboortedatum"] = "Deze geboortedatum ligt niet in het verleden."
    if sinds is None:
        fouten["sinds"] = "Leg vast sinds wanneer het kind nergens staat ingeschreven."
    elif sinds > vandaag:
        fouten["sinds"] = "Deze datum ligt in de toekomst."
    if not toelichting.strip():
        fouten["toelichting"] = "Beschrijf wat bekend is: waar het kind verblijft, contact met de ouders."
    if not fouten:
        vanaf = leerplichtig_vanaf(geboortedatum)
        if vandaag < vanaf:
            fouten["geboortedatum"] = (
                f"Nog niet leerplichtig tot {formatteer_datum(vanaf)}: dan is er geen absoluut verzuim "
                "(Leerplichtwet art. 3)."
            )
        elif sinds < vanaf:
            fouten["sinds"] = (
                f"Het kind is leerplichtig vanaf {formatteer_datum(vanaf)}; absoluut verzuim begint "
                "niet eerder."
            )
    if fouten:
        raise ValidationError(fouten)
    leerling = (
        Leerling.objects.select_for_update()
        .filter(
            swv_id=gemeente.swv_id,
            gemeente=gemeente,
            voornaam__iexact=voornaam.strip(),
            achternaam__iexact=achternaam.strip(),
            geboortedatum=geboortedatum,
        )
        .first()
    )
    if leerling is not None and leerling.huidige_school_id is not None:
        raise weiger(
            "Dit kind staat ingeschreven op een school: dat is geen absoluut verzuim. Verzuim van een "
            "ingeschreven kind meldt de school."
        )
    if leerling is None:
        leerling = Leerling.objects.create(
            swv_id=gemeente.swv_id,
            gemeente=gemeente,
            voornaam=voornaam.strip(),
            tussenvoegsel=tussenvoegsel.strip(),
            achternaam=achternaam.strip(),
            geboortedatum=geboortedatum,
            woonplaats=woonplaats.strip() or gemeente.naam,
        )
    elif (
        Verzuimmelding.objects.filter(leerling=leerling, soort=MeldingSoort.ABSOLUUT, school__isnull=True)
        .exclude(status=MeldingStatus.AFGEHANDELD)
        .exists()
    ):
        raise weiger("Voor dit kind staat al absoluut verzuim open.")
    melding = Verzuimmelding(
        leerling=leerling,
        school=None,
        gemeente=gemeente,
        soort=MeldingSoort.ABSOLUUT,
        toelichting=toelichting.strip(),
        plicht_ontstaan_op=sinds,
        gemeld_op=vandaag,
        gemeld_door=door,
    )
    melding.neem_in_behandeling(door=door)  # leerplicht registers it: it is in his hands at once
    melding.save()
    log(
        request=request,
        user=door,
        actie=AuditActie.AANGEMAAKT,
        obj=melding,
        leerling=leerling,
        omschrijving=f"absoluut verzuim vastgelegd door leerplicht gemeente {gemeente.naam}",
    )
    return melding
