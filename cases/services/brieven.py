"""Letter machinery [domain §12, conventions 'Letters']: maak_brief() records the letter in the
transaction of the decision, with its rendering as work still to do (the outbox,
cases/services/uitgaand.py); after commit a Celery task renders it with WeasyPrint and stores the
PDF with its SHA-256, exactly once. A sent letter never changes; a correction is a new letter."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.models.brieven import Brief
from cases.services.audit import log

BEZWAAR_MARKER = 'data-bezwaarclausule="ja"'
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BriefFout(Exception):
    """A letter that may not be produced as asked (e.g. a decision without bezwaarclausule)."""


def _naar_json(context: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def _van_json(waarde: Any) -> Any:
    if isinstance(waarde, str) and _ISO_DATUM.match(waarde):
        return date.fromisoformat(waarde)
    if isinstance(waarde, dict):
        return {k: _van_json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_van_json(v) for v in waarde]
    return waarde


def geadresseerden_voor(leerling: Leerling | None) -> list[dict[str, str]]:
    """Ouders/verzorgers with gezag who receive letters [domain §12]."""
    if leerling is None:
        return []
    return [
        {"naam": o.naam, "adres": o.adres, "postcode_plaats": o.postcode_plaats}
        for o in leerling.ouders.filter(gezag=True, ontvangt_brieven=True).order_by("naam")
    ]


@transaction.atomic
def maak_brief(
    *,
    zaak,
    leerling: Leerling | None,
    soort: str,
    template: str,
    onderwerp: str,
    context: dict[str, Any],
    door,
    bezwaarclausule: bool = False,
    ondertekenaar: str = "",
    geadresseerden: list[dict[str, str]] | None = None,
) -> Brief:
    swv_id = getattr(leerling, "swv_id", None) or getattr(zaak, "swv_id", None)
    if swv_id is None:
        raise BriefFout("Een brief hoort bij een samenwerkingsverband.")
    adressen = geadresseerden if geadresseerden is not None else geadresseerden_voor(leerling)
    if leerling is not None and not adressen:
        raise BriefFout(
            "Er is geen ouder/verzorger met gezag die brieven ontvangt. Leg eerst de gegevens van de "
            "gezaghebbende ouder(s) vast."
        )
    brief = Brief.objects.create(
        swv_id=swv_id,
        leerling=leerling,
        zaak=zaak,
        soort=soort,
        template=template,
        onderwerp=onderwerp,
        context=_naar_json(context),
        geadresseerden=adressen,
        bezwaarclausule=bezwaarclausule,
        ondertekenaar=ondertekenaar,
        aangemaakt_door=door,
    )
    brief.kenmerk = f"PAS-{timezone.localdate():%Y}-{brief.pk:06d}"
    brief.save(update_fields=["kenmerk"])
    # Render the HTML now, inside the decision's transaction: a letter that may not be produced
    # (no bezwaarclausule, a template error) stops the decision with a clear message.
    brief_html(brief)
    log(actie=AuditActie.AANGEMAAKT, user=door, obj=brief, leerling=leerling, omschrijving=f"brief {soort}")
    # The PDF is work still to do, recorded in this transaction: a broker that is down cannot
    # fail the decision, nor lose the letter [issue 13].
    from cases.services.uitgaand import plan_taak
    from cases.tasks import render_brief_task

    plan_taak(render_brief_task, brief.pk)
    return brief


def brief_html(brief: Brief) -> str:
    ctx = _van_json(brief.context)
    ctx.update(
        {
            "brief": brief,
            "swv": brief.swv,
            "leerling": brief.leerling,
            "geadresseerden": brief.geadresseerden,
            "datum": timezone.localtime(brief.aangemaakt_op).date(),
        }
    )
    html = render_to_string(brief.template, ctx)
    if brief.bezwaarclausule and BEZWAAR_MARKER not in html:
        raise BriefFout(
            f"De brief '{brief.onderwerp}' is een besluit maar bevat geen bezwaarclausule; "
            "zo'n brief kan niet worden gemaakt."
        )
    return html


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """HTML to PDF with WeasyPrint (imported lazily: only workers pay for it)."""
    from django.conf import settings
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf()


RENDER_OMSCHRIJVING = "pdf gemaakt"


def render_brief(brief_id: int) -> Brief:
    """Idempotent: a letter that already has its PDF is left exactly as it is. Two workers on the
    same letter render it once: PostgreSQL's row lock (SQLite: the write lock that BEGIN IMMEDIATE
    takes) makes the second wait, and it then finds the PDF."""
    with transaction.atomic():
        brief = (
            Brief.objects.select_for_update(of=("self",)).select_related("swv", "leerling").get(pk=brief_id)
        )
        if brief.is_gerenderd:
            return brief
        try:
            pdf = render_pdf(brief_html(brief))
        except BriefFout as exc:
            fout = str(exc)
        else:
            fout = ""
        if fout:
            Brief.objects.filter(pk=brief.pk).update(fout=fout)
            raise BriefFout(fout)
        brief.sha256 = hashlib.sha256(pdf).hexdigest()
        # A file at this letter's path while the row has no PDF was written by a render whose
        # transaction never committed (a killed worker): replace it, never keep a second file.
        opslag = brief.pdf.storage
        pad = brief.pdf.field.generate_filename(brief, brief.bestandsnaam)
        if opslag.exists(pad):
            opslag.delete(pad)
        brief.pdf.save(brief.bestandsnaam, ContentFile(pdf), save=False)
        brief.gerenderd_op = timezone.now()
        brief.fout = ""
        brief.save(update_fields=["pdf", "sha256", "gerenderd_op", "fout"])
        log(actie=AuditActie.GEWIJZIGD, obj=brief, leerling=brief.leerling, omschrijving=RENDER_OMSCHRIJVING)
        return brief


@transaction.atomic
def markeer_verzonden(*, brief: Brief, door, request=None) -> Brief:
    brief = Brief.objects.select_for_update().get(pk=brief.pk)
    if brief.is_verzonden:
        raise ValidationError("Deze brief is al verzonden en verandert niet meer.")
    if not brief.is_gerenderd:
        raise ValidationError("De pdf van deze brief is nog niet klaar; verzenden kan pas daarna.")
    brief.verzonden_op = timezone.now()
    brief.verzonden_door = door
    brief.save(update_fields=["verzonden_op", "verzonden_door"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=brief,
        leerling=brief.leerling,
        omschrijving="brief verzonden",
    )
    return brief


def pdf_bytes(brief: Brief) -> bytes:
    with brief.pdf.open("rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != brief.sha256:
        raise BriefFout(
            "De opgeslagen pdf wijkt af van de vastgelegde hash; neem contact op met de beheerder."
        )
    return data


def datum_tekst(d: date | datetime) -> str:
    from django.utils.formats import date_format

    return date_format(d, "j F Y")
