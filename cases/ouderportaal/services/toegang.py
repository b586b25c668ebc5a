"""Inviting ouders, accepting an invitation and withdrawing access [issue 17].

Who may invite: the IB'er or directeur of the child's current school, or the SWV bureau of the
child's SWV (`mag_uitnodigen`). Only an Ouder record with gezag and an e-mail address can be
invited. The mail goes through the outbox (cases/services/uitgaand.py): `nodig_uit` records the
task in its transaction; the task (`stuur_uitnodiging`) makes the token, stores only its hash, sends
the mail and stamps `verstuurd_op`, once — a broker outage or a killed worker loses no invitation,
and a duplicate run sends nothing. The mail holds only the link and the child's first name."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from cases.models.audit import AuditActie
from cases.models.leerling import Ouder
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU
from cases.ouderportaal.models.toegang import OuderKoppeling, OuderUitnodiging, token_hash
from cases.scope import scope_for
from cases.services.audit import log

EMAIL_APPARAAT_NAAM = "Code per e-mail"


def gebruikersnaam_voor(email: str) -> str:
    """An ouder logs in with the e-mail address, lower-cased [issue 17]."""
    return (email or "").strip().lower()


def mag_uitnodigen(user, leerling) -> bool:
    """IB'er/directeur of the child's current school, or the SWV bureau of its SWV [issue 17]."""
    scope = scope_for(user)
    if scope.alles:
        return True
    for rol in scope.rollen:
        if (
            rol.soort in SCHOOLLEIDING
            and leerling.huidige_school_id
            and rol.school_id == leerling.huidige_school_id
        ):
            return True
        if rol.soort in SWV_BUREAU and rol.swv_id == leerling.swv_id:
            return True
    return False


def eis_uitnodigrecht(user, leerling) -> None:
    if not mag_uitnodigen(user, leerling):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school van de leerling, of het bureau van "
            "het samenwerkingsverband, kan ouders uitnodigen voor het ouderportaal."
        )


def _controleer_ouder(ouder: Ouder) -> None:
    if not ouder.gezag:
        raise ValidationError(
            f"{ouder.naam} heeft geen gezag. Alleen ouders en voogden met gezag krijgen toegang tot het "
            "ouderportaal."
        )
    if not ouder.email:
        raise ValidationError(
            f"Van {ouder.naam} staat geen e-mailadres in het dossier. Vul eerst het e-mailadres in."
        )


@transaction.atomic
def nodig_uit(*, ouder: Ouder, door, request=None) -> OuderUitnodiging:
    """A new single-use link (earlier open links of this ouder stop working), mailed by the outbox."""
    from cases.services.uitgaand import plan_taak
    from cases.tasks import stuur_ouder_uitnodiging_task

    ouder = Ouder.objects.select_for_update(of=("self",)).select_related("leerling").get(pk=ouder.pk)
    eis_uitnodigrecht(door, ouder.leerling)
    _controleer_ouder(ouder)
    nu = timezone.now()
    OuderUitnodiging.objects.filter(ouder=ouder).open(nu).update(ingetrokken_op=nu)
    uitnodiging = OuderUitnodiging.objects.create(
        ouder=ouder,
        email=ouder.email,
        aangemaakt_door=door,
        verloopt_op=nu + timedelta(days=settings.PASSEND_OUDER_UITNODIGING_DAGEN),
    )
    plan_taak(stuur_ouder_uitnodiging_task, uitnodiging.pk)
    log(
        actie=AuditActie.GEDEELD,
        request=request,
        user=door,
        obj=uitnodiging,
        leerling=ouder.leerling,
        omschrijving="uitnodiging ouderportaal klaargezet (wordt per e-mail verstuurd)",
    )
    return uitnodiging


def stuur_uitnodiging(uitnodiging_id: int) -> bool:
    """The outbox task's work: make the token, store its hash, send the mail, stamp verstuurd_op —
    in one transaction, so a failed mail stores no token and the retry makes a new one. Nothing
    once sent (a duplicate message), nor for a link that was used or withdrawn in the meantime,
    nor when the ouder lost gezag. The link works the configured number of days from the mail."""
    with transaction.atomic():
        uitnodiging = (
            OuderUitnodiging.objects.select_for_update(of=("self",))
            .select_related("ouder__leerling")
            .filter(pk=uitnodiging_id)
            .first()
        )
        if uitnodiging is None or uitnodiging.verstuurd_op is not None:
            return False
        if uitnodiging.gebruikt_op or uitnodiging.ingetrokken_op or not uitnodiging.ouder.gezag:
            return False
        nu = timezone.now()
        token = secrets.token_urlsafe(32)
        uitnodiging.token_sha256 = token_hash(token)
        uitnodiging.verstuurd_op = nu
        uitnodiging.verloopt_op = nu + timedelta(days=settings.PASSEND_OUDER_UITNODIGING_DAGEN)
        uitnodiging.save(update_fields=["token_sha256", "verstuurd_op", "verloopt_op"])
        context = {
            "voornaam": uitnodiging.ouder.leerling.voornaam,
            "link": settings.PASSEND_BASIS_URL.rstrip("/") + reverse("ouders:uitnodiging", args=[token]),
            "dagen": settings.PASSEND_OUDER_UITNODIGING_DAGEN,
            "verloopt_op": uitnodiging.verloopt_op,
        }
        send_mail(
            "Uitnodiging voor het ouderportaal van Passend",
            render_to_string("ouders/uitnodiging_email.txt", context),
            None,
            [uitnodiging.email],
        )
        log(
            actie=AuditActie.GEDEELD,
            obj=uitnodiging,
            leerling=uitnodiging.ouder.leerling,
            omschrijving="uitnodiging ouderportaal verstuurd",
        )
    return True


def zoek_uitnodiging(token: str) -> OuderUitnodiging | None:
    if not token or len(token) > 100:
        return None  # and a NULL hash (not yet sent) never matches
    return (
        OuderUitnodiging.objects.select_related("ouder__leerling")
        .filter(token_sha256=token_hash(token))
        .first()
    )


def weigerreden(uitnodiging: OuderUitnodiging | None) -> str | None:
    """Why a link no longer works, in plain Dutch; None when it works."""
    if uitnodiging is None:
        return "Deze link kennen we niet. Controleer of u de hele link uit de e-mail heeft gebruikt."
    if uitnodiging.gebruikt_op is not None:
        return "Deze link is al gebruikt. Een link werkt maar één keer. U kunt gewoon inloggen."
    if uitnodiging.ingetrokken_op is not None:
        return (
            "Deze link werkt niet meer. Er is een nieuwere uitnodiging gestuurd, of de toegang is "
            "ingetrokken."
        )
    if uitnodiging.verloopt_op <= timezone.now():
        return "Deze link is verlopen. Vraag de school of het samenwerkingsverband om een nieuwe uitnodiging."
    if not uitnodiging.ouder.gezag:
        return "Deze uitnodiging geldt niet meer. Neem contact op met de school."
    return None


# Django's validators (AUTH_PASSWORD_VALIDATORS) in plain Dutch, by their error code.
WACHTWOORD_MELDINGEN = {
    "password_too_short": "Dit wachtwoord is te kort. Gebruik minstens {min} tekens.",
    "password_too_similar": "Dit wachtwoord lijkt te veel op uw e-mailadres of naam. Kies iets anders.",
    "password_too_common": (
        "Dit wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies iets anders."
    ),
    "password_entirely_numeric": (
        "Een wachtwoord van alleen cijfers is te makkelijk te raden. Gebruik ook letters."
    ),
}


def _controleer_wachtwoord(wachtwoord: str, gebruiker) -> None:
    try:
        validate_password(wachtwoord, gebruiker)
    except ValidationError as exc:
        meldingen = []
        for fout in exc.error_list:
            tekst = WACHTWOORD_MELDINGEN.get(fout.code)
            minimum = (fout.params or {}).get("min_length", 12)
            meldingen.append(tekst.format(min=minimum) if tekst else " ".join(fout.messages))
        raise ValidationError(meldingen) from exc


def bestaand_account(uitnodiging: OuderUitnodiging):
    return get_user_model().objects.filter(username=gebruikersnaam_voor(uitnodiging.email)).first()


def _koppel(*, uitnodiging: OuderUitnodiging, gebruiker, request) -> OuderKoppeling:
    nu = timezone.now()
    koppeling, _ = OuderKoppeling.objects.update_or_create(
        ouder=uitnodiging.ouder,
        defaults={
            "gebruiker": gebruiker,
            "actief_sinds": nu,
            "ingetrokken_op": None,
            "ingetrokken_door": None,
        },
    )
    uitnodiging.gebruikt_op = nu
    uitnodiging.save(update_fields=["gebruikt_op"])
    EmailDevice.objects.get_or_create(
        user=gebruiker, name=EMAIL_APPARAAT_NAAM, defaults={"email": gebruiker.email, "confirmed": True}
    )
    log(
        actie=AuditActie.GEDEELD,
        request=request,
        user=gebruiker,
        obj=koppeling,
        leerling=uitnodiging.ouder.leerling,
        omschrijving="ouderportaal: uitnodiging aanvaard",
    )
    return koppeling


def _vergrendel(uitnodiging: OuderUitnodiging) -> OuderUitnodiging:
    uitnodiging = (
        OuderUitnodiging.objects.select_for_update(of=("self",))
        .select_related("ouder__leerling")
        .get(pk=uitnodiging.pk)
    )
    reden = weigerreden(uitnodiging)
    if reden:
        raise ValidationError(reden)
    return uitnodiging


@transaction.atomic
def aanvaard_met_wachtwoord(*, uitnodiging: OuderUitnodiging, wachtwoord: str, request=None):
    """A new ouder account: username and e-mail the invited address, the chosen password (Django's
    validators), an e-mail device for the second step; the link is used up."""
    uitnodiging = _vergrendel(uitnodiging)
    if bestaand_account(uitnodiging) is not None:
        raise ValidationError(
            "Er bestaat al een account met dit e-mailadres. Log in; daarna koppelen we uw kind aan uw "
            "account."
        )
    ouder = uitnodiging.ouder
    naam = gebruikersnaam_voor(uitnodiging.email)
    gebruiker = get_user_model()(username=naam, email=naam, first_name=ouder.naam[:150])
    _controleer_wachtwoord(wachtwoord, gebruiker)
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    return _koppel(uitnodiging=uitnodiging, gebruiker=gebruiker, request=request)


@transaction.atomic
def aanvaard_met_account(*, uitnodiging: OuderUitnodiging, gebruiker, request=None) -> OuderKoppeling:
    """The invited address already has an ouder account and that ouder is logged in: link it."""
    uitnodiging = _vergrendel(uitnodiging)
    if gebruiker.username != gebruikersnaam_voor(uitnodiging.email):
        raise ValidationError(
            "Deze uitnodiging is voor een ander e-mailadres dan waarmee u bent ingelogd. Log uit en open de "
            "link opnieuw."
        )
    return _koppel(uitnodiging=uitnodiging, gebruiker=gebruiker, request=request)


@transaction.atomic
def trek_in(*, ouder: Ouder, door, request=None) -> None:
    """End the ouder's portal access for this child now, and any open invitation."""
    ouder = Ouder.objects.select_for_update(of=("self",)).select_related("leerling").get(pk=ouder.pk)
    eis_uitnodigrecht(door, ouder.leerling)
    nu = timezone.now()
    aantal = OuderUitnodiging.objects.filter(ouder=ouder).open(nu).update(ingetrokken_op=nu)
    aantal += OuderKoppeling.objects.filter(ouder=ouder, ingetrokken_op__isnull=True).update(
        ingetrokken_op=nu, ingetrokken_door=door
    )
    if not aantal:
        raise ValidationError(f"{ouder.naam} heeft geen toegang en geen open uitnodiging.")
    log(
        actie=AuditActie.INGETROKKEN,
        request=request,
        user=door,
        obj=ouder,
        leerling=ouder.leerling,
        omschrijving="toegang ouderportaal ingetrokken",
    )
