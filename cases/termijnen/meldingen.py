"""Deadline sweep, notifications, daily digest and the iCal token [issue 4, conventions 'Celery'].

The sweep is set-based: a fixed number of statements whatever the number of terms. Notifications
are unique per (person, term, kind, due date) and inserted with ON CONFLICT DO NOTHING, so the
sweep is idempotent and catches up after downtime: a term that became overdue while no worker
ran notifies "verlopen" once on the first run after, and never again for that due date.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cases.models import Gebruiker, Rol, School
from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.termijnen.models.termijnen import (
    GEMEENTE_VERANTWOORDELIJKEN,
    OPEN_STATUSSEN,
    REGIO_VERANTWOORDELIJKEN,
    SCHOOL_VERANTWOORDELIJKEN,
    SWV_VERANTWOORDELIJKEN,
    AgendaToken,
    Notificatie,
    Termijn,
    TermijnStatus,
)

#: Terms that end within this many days are "binnenkort" [issue 4].
VOORWAARSCHUWING_DAGEN = 7


@dataclass(frozen=True)
class SweepUitkomst:
    peildatum: date
    verlopen: int  # terms whose status moved lopend → verlopen
    meldingen: int  # notifications created by this run


def _in(waarden) -> tuple[str, list[str]]:
    waarden = sorted(str(w) for w in waarden)
    return ", ".join(["%s"] * len(waarden)), waarden


def _insert_sql() -> tuple[str, str]:
    t, n = Termijn._meta.db_table, Notificatie._meta.db_table
    r, s, u = Rol._meta.db_table, School._meta.db_table, Gebruiker._meta.db_table
    soort = "CASE WHEN t.einde < %s THEN 'verlopen' WHEN t.einde = %s THEN 'vandaag' ELSE 'binnenkort' END"
    open_in, _ = _in(OPEN_STATUSSEN)
    waar = (
        f"t.status IN ({open_in}) AND t.einde <= %s AND (t.opgeschort_tot IS NULL OR t.opgeschort_tot < %s)"
    )
    swv_in, _ = _in(SWV_VERANTWOORDELIJKEN)
    school_in, _ = _in(SCHOOL_VERANTWOORDELIJKEN)
    regio_in, _ = _in(REGIO_VERANTWOORDELIJKEN)
    gemeente_in, _ = _in(GEMEENTE_VERANTWOORDELIJKEN)
    via_rol = f"""
        INSERT INTO {n} (gebruiker_id, termijn_id, soort, vervaldatum, aangemaakt_op)
        SELECT DISTINCT r.gebruiker_id, t.id, {soort}, t.einde, %s
        FROM {t} t
        LEFT JOIN {s} s ON s.id = t.school_id
        JOIN {r} r ON r.swv_id = t.swv_id AND r.actief = %s
        JOIN {u} u ON u.id = r.gebruiker_id AND u.is_active = %s
        WHERE {waar}
          AND t.verantwoordelijken LIKE '%%,' || r.soort || ',%%'
          AND (r.soort IN ({swv_in})
               OR (r.soort IN ({school_in}) AND r.school_id = t.school_id)
               OR (r.soort IN ({regio_in}) AND r.regio_id = s.regio_id)
               OR (r.soort IN ({gemeente_in}) AND r.gemeente_id = s.gemeente_id))
        ON CONFLICT DO NOTHING
    """
    persoonlijk = f"""
        INSERT INTO {n} (gebruiker_id, termijn_id, soort, vervaldatum, aangemaakt_op)
        SELECT t.verantwoordelijke_id, t.id, {soort}, t.einde, %s
        FROM {t} t
        JOIN {u} u ON u.id = t.verantwoordelijke_id AND u.is_active = %s
        WHERE {waar}
        ON CONFLICT DO NOTHING
    """
    return via_rol, persoonlijk


def sweep(*, vandaag: date | None = None) -> SweepUitkomst:
    """Mark overdue terms verlopen and notify the responsible people of every open, not suspended
    term that ends within 7 days, today, or has passed. Three statements in total."""
    vandaag = vandaag or timezone.localdate()
    horizon = vandaag + timedelta(days=VOORWAARSCHUWING_DAGEN)
    nu = timezone.now()
    niet_opgeschort = Q(opgeschort_tot__isnull=True) | Q(opgeschort_tot__lt=vandaag)
    via_rol, persoonlijk = _insert_sql()
    _, open_params = _in(OPEN_STATUSSEN)
    _, swv = _in(SWV_VERANTWOORDELIJKEN)
    _, school = _in(SCHOOL_VERANTWOORDELIJKEN)
    _, regio = _in(REGIO_VERANTWOORDELIJKEN)
    _, gemeente = _in(GEMEENTE_VERANTWOORDELIJKEN)
    ops = connection.ops
    dag, hor, nu = (
        ops.adapt_datefield_value(vandaag),
        ops.adapt_datefield_value(horizon),
        ops.adapt_datetimefield_value(nu),
    )
    waar = [*open_params, hor, dag]
    with transaction.atomic():
        verlopen = Termijn.objects.filter(
            niet_opgeschort, status=TermijnStatus.LOPEND, einde__lt=vandaag
        ).update(status=TermijnStatus.VERLOPEN)
        with connection.cursor() as cursor:
            cursor.execute(via_rol, [dag, dag, nu, True, True, *waar, *swv, *school, *regio, *gemeente])
            nieuw = max(cursor.rowcount, 0)
            cursor.execute(persoonlijk, [dag, dag, nu, True, *waar])
            nieuw += max(cursor.rowcount, 0)
    return SweepUitkomst(peildatum=vandaag, verlopen=verlopen, meldingen=nieuw)


# --- daily digest --------------------------------------------------------------------------------


def _basis_url() -> str:
    return settings.PASSEND_BASIS_URL.rstrip("/")


def _te_mailen() -> Iterator[Notificatie]:
    return (
        Notificatie.objects.filter(
            gemaild_op__isnull=True, gelezen_op__isnull=True, gebruiker__is_active=True
        )
        .exclude(gebruiker__email="")
        .select_related("termijn__leerling", "gebruiker")
        .prefetch_related("termijn__zaak")
        .order_by("gebruiker_id", "termijn__einde", "pk")
        .iterator(chunk_size=2000)
    )


def verstuur_digest(*, vandaag: date | None = None) -> int:
    """One e-mail per user with the notifications not yet read or mailed; returns mails sent.

    Each line names the pupil and the kind of term and links to the case [issue 20.4]; the mail goes
    to the responsible person's own address only, and the link checks the reader's access again.
    """
    vandaag = vandaag or timezone.localdate()
    berichten: list[EmailMessage] = []
    verstuurd_ids: list[int] = []
    meldingen_url = _basis_url() + reverse("termijnen:meldingen")
    for _, groep in groupby(_te_mailen(), key=lambda m: m.gebruiker_id):
        meldingen = list(groep)
        gebruiker = meldingen[0].gebruiker
        aantal = len(meldingen)
        onderwerp = f"Passend: {aantal} {'termijn vraagt' if aantal == 1 else 'termijnen vragen'} uw aandacht"
        tekst = render_to_string(
            "cases/termijnen/digest.txt",
            {
                "gebruiker": gebruiker,
                "meldingen": meldingen,
                "vandaag": vandaag,
                "meldingen_url": meldingen_url,
                "basis_url": _basis_url(),
            },
        )
        berichten.append(EmailMessage(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [gebruiker.email]))
        verstuurd_ids.extend(m.pk for m in meldingen)
    if berichten:
        with get_connection() as verbinding:
            verbinding.send_messages(berichten)
        Notificatie.objects.filter(pk__in=verstuurd_ids).update(gemaild_op=timezone.now())
    return len(berichten)


# --- read / unread -------------------------------------------------------------------------------


@transaction.atomic
def markeer_gelezen(*, user, notificatie_id: int) -> Notificatie:
    """Mark one of the user's own notifications read (404 for someone else's: filter_for_user)."""
    melding = Notificatie.objects.filter_for_user(user).select_for_update().get(pk=notificatie_id)
    if melding.gelezen_op is None:
        melding.gelezen_op = timezone.now()
        melding.save(update_fields=["gelezen_op"])
    return melding


@transaction.atomic
def markeer_alles_gelezen(*, user) -> int:
    return Notificatie.objects.filter_for_user(user).ongelezen().update(gelezen_op=timezone.now())


# --- iCal token ----------------------------------------------------------------------------------


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


@transaction.atomic
def maak_agenda_token(*, user, request=None) -> str:
    """Make (or replace) the user's secret feed key; returns it — it is never shown again."""
    sleutel = secrets.token_urlsafe(32)
    AgendaToken.objects.filter(gebruiker=user).delete()
    token = AgendaToken.objects.create(gebruiker=user, sleutel_hash=_hash(sleutel))
    log(
        actie=AuditActie.AANGEMAAKT, request=request, user=user, obj=token, omschrijving="agenda-link gemaakt"
    )
    return sleutel


@transaction.atomic
def trek_agenda_token_in(*, user, request=None) -> bool:
    tokens = list(AgendaToken.objects.filter(gebruiker=user))
    for token in tokens:
        log(
            actie=AuditActie.INGETROKKEN,
            request=request,
            user=user,
            obj=token,
            omschrijving="agenda-link ingetrokken",
        )
        token.delete()
    return bool(tokens)


def gebruiker_bij_sleutel(sleutel: str):
    """The active user a feed key belongs to, or None; records when the feed was last read."""
    if not sleutel or len(sleutel) > 100:
        return None
    token = AgendaToken.objects.select_related("gebruiker").filter(sleutel_hash=_hash(sleutel)).first()
    if token is None or not token.gebruiker.is_active:
        return None
    AgendaToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=timezone.now())
    return token.gebruiker
