"""Every write of the beheerder's pages [issue 14], each with its audit row (AuditRegel with the SWV,
so the beheerder finds it in the auditlog). Views never save models; these functions do, and check
again what the form already offered: the SWV is one the user manages, the school/regio/gemeente of a
role belongs to it, no superuser is touched.

Rules for users and roles:
- A new user gets no password from the beheerder: the account has an unusable password and an
  invitation mail ("stel uw wachtwoord in") goes out through the outbox after the commit.
- Name, e-mail, username and active of a user who also has a role in another SWV are read-only here:
  the account is not this SWV's alone. The beheerder manages only the roles in his own SWV.
- The beheerder cannot deactivate his own account, and no change may leave an SWV without an active
  beheerder role.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cases.beheer import selectors
from cases.models import Gebruiker, Gemeente, Regio, Rol, School, Schoolbestuur
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from cases.services.audit import log

GEBRUIKER_VELDEN = ("first_name", "last_name", "email", "username", "is_active")
ROL_VELDEN = ("soort", "school", "regio", "gemeente", "groepen", "discipline", "actief")
LAATSTE_BEHEERDER = (
    "Dit is de laatste actieve beheerder van het samenwerkingsverband. Geef eerst iemand anders de "
    "rol beheerder."
)


def eis_swv(door, swv) -> None:
    ids = selectors.beheer_swv_ids(door)
    if swv is None or (ids is not None and swv.pk not in ids):
        raise PermissionDenied("U beheert dit samenwerkingsverband niet.")


# --- schools, schoolbesturen, regio's, gemeenten ---------------------------------------------------


# A unique constraint in the beheerder's words instead of Django's "School met deze BRIN en
# Vestigingsnummer bestaat al." [issue 14].
DUBBEL = {
    School: (
        "Er bestaat al een school met deze BRIN-code en dit vestigingsnummer. Zoek de school in de lijst of "
        "controleer de BRIN-code en het vestigingsnummer."
    ),
    Schoolbestuur: "Dit samenwerkingsverband heeft al een schoolbestuur met dit bestuursnummer.",
    Regio: "Dit samenwerkingsverband heeft al een regio met deze naam.",
    Gemeente: "Dit samenwerkingsverband heeft al een gemeente met deze naam.",
}


def _in_eigen_woorden(exc: ValidationError, model) -> ValidationError:
    fouten = exc.error_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.error_list}
    algemeen = [
        ValidationError(DUBBEL[model]) if e.code in ("unique", "unique_together") and model in DUBBEL else e
        for e in fouten.get(NON_FIELD_ERRORS, [])
    ]
    return ValidationError({**fouten, **({NON_FIELD_ERRORS: algemeen} if algemeen else {})})


@transaction.atomic
def bewaar_organisatie(*, model, door, request=None, swv, gegevens: dict, obj=None):
    """Create (obj=None) or change a School, Schoolbestuur, Regio or Gemeente of `swv`."""
    eis_swv(door, swv)
    nieuw = obj is None
    if nieuw:
        obj = model(swv=swv)
    else:
        obj = model.objects.select_for_update().get(pk=obj.pk)
        eis_swv(door, obj.swv)
        obj.swv = swv
    gewijzigd = list(gegevens) if nieuw else [v for v, w in gegevens.items() if getattr(obj, v) != w]
    for veld, waarde in gegevens.items():
        setattr(obj, veld, waarde)
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise _in_eigen_woorden(exc, model) from exc
    if nieuw or gewijzigd:
        obj.save()
        namen = ", ".join(str(model._meta.get_field(v).verbose_name) for v in gewijzigd)
        log(
            actie=AuditActie.AANGEMAAKT if nieuw else AuditActie.GEWIJZIGD,
            request=request,
            user=door,
            obj=obj,
            swv=swv,
            omschrijving=(f"{model._meta.verbose_name} aangemaakt" if nieuw else f"gewijzigd: {namen}")[:300],
        )
    return obj


# --- users and roles -------------------------------------------------------------------------------


def _andere_actieve_beheerder(swv_id: int, behalve_rol: int | None) -> bool:
    qs = Rol.objects.filter(swv_id=swv_id, soort=RolSoort.BEHEERDER, actief=True, gebruiker__is_active=True)
    if behalve_rol is not None:
        qs = qs.exclude(pk=behalve_rol)
    return qs.exists()


def _rol_omschrijving(rol: Rol) -> str:
    waar = rol.school or rol.regio or rol.gemeente or rol.swv
    extra = f" ({rol.get_discipline_display()})" if rol.discipline else ""
    return f"{rol.get_soort_display()}{extra} – {waar}"


def _zet_rol(rol: Rol, gegevens: dict) -> list[str]:
    gewijzigd = []
    for veld in ROL_VELDEN:
        if veld in gegevens and getattr(rol, veld) != gegevens[veld]:
            setattr(rol, veld, gegevens[veld])
            gewijzigd.append(veld)
    # A role carries only the place its kind asks for (Rol.clean asks for the one that is needed).
    if rol.soort != RolSoort.LEERKRACHT:
        rol.groepen = ""
    if rol.soort != RolSoort.DESKUNDIGE:
        rol.discipline = ""
    return gewijzigd


@transaction.atomic
def maak_gebruiker(*, door, request=None, swv, gegevens: dict, rol_gegevens: dict) -> Gebruiker:
    """A new user with one role in `swv`, an unusable password and an invitation mail."""
    eis_swv(door, swv)
    gebruiker = Gebruiker(**{v: gegevens[v] for v in GEBRUIKER_VELDEN if v in gegevens})
    gebruiker.is_active = True
    gebruiker.set_unusable_password()
    fouten = {}
    if Gebruiker.objects.filter(username__iexact=gebruiker.username).exists():
        fouten["username"] = "Deze gebruikersnaam is al in gebruik. Kies een andere."
    try:
        gebruiker.full_clean(exclude=["password", "username"] if fouten else ["password"])
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    rol = Rol(swv=swv)
    _zet_rol(rol, rol_gegevens)
    try:
        rol.full_clean(exclude=["gebruiker"])
    except ValidationError as exc:
        fouten.update({f"rol_{k}": v for k, v in exc.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    gebruiker.save()
    rol.gebruiker = gebruiker
    rol.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=gebruiker,
        swv=swv,
        omschrijving="gebruiker aangemaakt, uitnodiging verstuurd",
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=rol,
        swv=swv,
        omschrijving=f"rol toegevoegd: {_rol_omschrijving(rol)}"[:300],
    )
    plan_uitnodiging(gebruiker)
    return gebruiker


def eis_gebruiker(door, gebruiker: Gebruiker) -> None:
    if not selectors.gebruikers(door).filter(pk=gebruiker.pk).exists():
        raise PermissionDenied("Deze gebruiker hoort niet bij uw samenwerkingsverband.")


@transaction.atomic
def wijzig_gebruiker(*, door, request=None, gebruiker: Gebruiker, gegevens: dict) -> Gebruiker:
    gebruiker = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    eis_gebruiker(door, gebruiker)
    gewijzigd = [v for v in GEBRUIKER_VELDEN if v in gegevens and getattr(gebruiker, v) != gegevens[v]]
    if not gewijzigd:
        return gebruiker
    if selectors.werkt_ook_elders(door, gebruiker):
        raise ValidationError(
            "Deze gebruiker werkt ook voor een ander samenwerkingsverband. Naam, e-mailadres, "
            "gebruikersnaam en actief wijzigt alleen de systeembeheerder; u beheert hier zijn rollen."
        )
    if "is_active" in gewijzigd and not gegevens["is_active"]:
        if gebruiker.pk == door.pk:
            raise ValidationError({"is_active": "U kunt uw eigen account niet uitzetten."})
        for rol in gebruiker.rollen.filter(soort=RolSoort.BEHEERDER, actief=True):
            if not _andere_actieve_beheerder(rol.swv_id, rol.pk):
                raise ValidationError({"is_active": LAATSTE_BEHEERDER})
    if "username" in gewijzigd and (
        Gebruiker.objects.filter(username__iexact=gegevens["username"]).exclude(pk=gebruiker.pk).exists()
    ):
        raise ValidationError({"username": "Deze gebruikersnaam is al in gebruik. Kies een andere."})
    for veld in gewijzigd:
        setattr(gebruiker, veld, gegevens[veld])
    gebruiker.full_clean(exclude=["password"])
    gebruiker.save(update_fields=gewijzigd)
    swv = gebruiker.rollen.filter(swv__in=selectors.swvs(door)).values_list("swv_id", flat=True).first()
    namen = ", ".join(str(Gebruiker._meta.get_field(v).verbose_name) for v in gewijzigd)
    uitgezet = "is_active" in gewijzigd and not gebruiker.is_active
    log(
        actie=AuditActie.INGETROKKEN if uitgezet else AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=gebruiker,
        swv=selectors.swvs(door).filter(pk=swv).first(),
        omschrijving=("account uitgezet" if uitgezet else f"gebruiker gewijzigd: {namen}")[:300],
    )
    return gebruiker


@transaction.atomic
def bewaar_rol(
    *, door, request=None, gebruiker: Gebruiker, swv=None, gegevens: dict, rol: Rol | None = None
) -> Rol:
    """Add a role in `swv` to `gebruiker`, or change `rol` (its SWV stays). Deactivating is a change
    of `actief`; a role is never deleted, so the history stays readable."""
    eis_gebruiker(door, gebruiker)
    nieuw = rol is None
    if nieuw:
        eis_swv(door, swv)
        rol = Rol(gebruiker=gebruiker, swv=swv)
        was_beheerder = False
    else:
        rol = Rol.objects.select_for_update().get(pk=rol.pk)
        if rol.gebruiker_id != gebruiker.pk:
            raise PermissionDenied("Deze rol hoort bij een andere gebruiker.")
        eis_swv(door, rol.swv)
        was_beheerder = rol.soort == RolSoort.BEHEERDER and rol.actief
    gewijzigd = _zet_rol(rol, gegevens)
    rol.full_clean()
    blijft_beheerder = rol.soort == RolSoort.BEHEERDER and rol.actief
    if was_beheerder and not blijft_beheerder and not _andere_actieve_beheerder(rol.swv_id, rol.pk):
        raise ValidationError({"actief" if "actief" in gewijzigd else "soort": LAATSTE_BEHEERDER})
    if not nieuw and not gewijzigd:
        return rol
    rol.save()
    if nieuw:
        actie, tekst = AuditActie.AANGEMAAKT, "rol toegevoegd"
    elif "actief" in gewijzigd and not rol.actief:
        actie, tekst = AuditActie.INGETROKKEN, "rol beëindigd"
    elif "actief" in gewijzigd:
        actie, tekst = AuditActie.GEWIJZIGD, "rol weer actief"
    else:
        actie, tekst = AuditActie.GEWIJZIGD, "rol gewijzigd"
    log(
        actie=actie,
        request=request,
        user=door,
        obj=rol,
        swv=rol.swv,
        omschrijving=f"{tekst}: {_rol_omschrijving(rol)}"[:300],
    )
    return rol


# --- the invitation ------------------------------------------------------------------------------


def plan_uitnodiging(gebruiker: Gebruiker) -> None:
    """The mail goes through the outbox: recorded in this transaction, sent after the commit."""
    from cases.services.uitgaand import plan_taak
    from cases.tasks import stuur_uitnodiging_task

    plan_taak(stuur_uitnodiging_task, gebruiker.pk)


def stuur_uitnodiging(gebruiker_id: int) -> bool:
    """Mail a "stel uw wachtwoord in" link (Django's password-reset token: it stops working once the
    password is set). Nothing for a user who is gone, inactive, without e-mail or with a password."""
    gebruiker = Gebruiker.objects.filter(pk=gebruiker_id, is_active=True).first()
    if gebruiker is None or not gebruiker.email or gebruiker.has_usable_password():
        return False
    pad = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )
    context = {"gebruiker": gebruiker, "link": settings.PASSEND_BASIS_URL.rstrip("/") + pad}
    send_mail(
        "Uw account voor Passend: stel uw wachtwoord in",
        render_to_string("cases/beheer/uitnodiging_email.txt", context),
        None,
        [gebruiker.email],
    )
    return True
