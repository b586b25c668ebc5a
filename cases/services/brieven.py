"""Letter machinery [domain §12, conventions 'Letters']: maak_brief() records the letter in the
transaction of the decision, with its rendering as work still to do (the outbox,
cases/services/uitgaand.py); after commit a Celery task renders it with WeasyPrint and stores the
PDF with its SHA-256, exactly once. A sent letter never changes; a correction is a new letter."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.models.brieven import Brief, VerzendWijze
from cases.services.audit import log

logger = logging.getLogger(__name__)

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
        aan_ouders=leerling is not None and geadresseerden is None,
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


class PdfBronGeweigerd(Exception):
    """A resource a letter asked for that is not one of the project's own static files."""


_DATA_AFBEELDING = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.I)
_DATA_MAX_TEKENS = 96 * 1024  # a small inline image (a logo), not a smuggled document


def _static_wortels() -> list[Path]:
    """Every folder static files come from: STATIC_ROOT and each staticfiles finder's folders."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    wortels = [Path(settings.STATIC_ROOT)]
    for finder in get_finders():
        for storage in getattr(finder, "storages", {}).values():
            if getattr(storage, "location", None):
                wortels.append(Path(storage.location))
    return [w.resolve() for w in wortels]


def _static_bestand(pad: str) -> Path | None:
    """The static file a path points to (a file path inside a static folder, or /static/...), or
    None. Resolved first, so neither '..' nor a symlink leads out of the static folders."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import find
    from django.core.exceptions import SuspiciousFileOperation

    wortels = _static_wortels()
    kandidaten = [Path(unquote(pad))]
    if pad.startswith(settings.STATIC_URL):  # "/static/css/x.css" resolved against the base URL
        try:
            gevonden = find(unquote(pad[len(settings.STATIC_URL) :]))
        except SuspiciousFileOperation:
            gevonden = None
        if gevonden:
            kandidaten.append(Path(gevonden))
    for kandidaat in kandidaten:
        echt = kandidaat.resolve()
        if echt.is_file() and any(echt.is_relative_to(w) for w in wortels):
            return echt
    return None


def pdf_url_fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The only url_fetcher WeasyPrint gets [issue 14]: a letter may use the project's own static
    files and small inline images, nothing else. A local file elsewhere (file:///etc/hostname), any
    http(s) address and other data: URLs are refused and logged; WeasyPrint then renders without
    the resource."""
    from weasyprint import default_url_fetcher
    from weasyprint.urls import path2url

    deel = urlsplit(url)
    if deel.scheme == "data" and _DATA_AFBEELDING.match(url) and len(url) <= _DATA_MAX_TEKENS:
        return default_url_fetcher(url, *args, **kwargs)
    if deel.scheme in ("file", "") and not deel.netloc:
        bestand = _static_bestand(deel.path)
        if bestand is not None:
            return default_url_fetcher(path2url(str(bestand)), *args, **kwargs)
    # Scheme and host only: a path or query could carry what a letter was about.
    logger.warning("PDF: bron geweigerd (%s:%s)", deel.scheme or "pad", deel.netloc or "lokaal")
    raise PdfBronGeweigerd(f"Alleen eigen statische bestanden in een PDF, niet {deel.scheme or 'pad'}:")


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """HTML to PDF with WeasyPrint (imported lazily: only workers pay for it). Every WeasyPrint
    rendering goes through here, with pdf_url_fetcher."""
    from django.conf import settings
    from weasyprint import HTML

    return HTML(
        string=html, base_url=base_url or str(settings.BASE_DIR), url_fetcher=pdf_url_fetcher
    ).write_pdf()


RENDER_OMSCHRIJVING = "pdf gemaakt"
_NA_RENDER: list = []


def registreer_na_render(functie):
    """Register functie(brief) -> None, called in the render's transaction once the PDF exists."""
    if functie not in _NA_RENDER:
        _NA_RENDER.append(functie)
    return functie


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
        for functie in _NA_RENDER:  # e.g. the ouderportaal makes it available and mails the ouders
            functie(brief)
        return brief


# [issue 17; Awb 3:41, 6:8] When a decision letter is made known later than the day it was signed, the
# bezwaartermijn starts from that later day. Each sub-domain registers how its decision date follows.
_BIJ_BEKENDMAKING: list = []


def registreer_bekendmaking(functie):
    """Register functie(brief, request) -> None, called when the sending of a letter is recorded."""
    if functie not in _BIJ_BEKENDMAKING:
        _BIJ_BEKENDMAKING.append(functie)
    return functie


@transaction.atomic
def markeer_verzonden(
    *, brief: Brief, door, wijze: str = VerzendWijze.POST, op: date | None = None, request=None
) -> Brief:
    """Record how and on which day the letter reached the ouders (posted, handed over, or made
    available in the portal) [issue 17]; the day counts as the bekendmaking (Awb 3:41)."""
    vandaag = timezone.localdate()
    op = op or vandaag
    brief = Brief.objects.select_for_update().get(pk=brief.pk)
    if brief.is_verzonden:
        dag = brief.bekendgemaakt_op or timezone.localtime(brief.verzonden_op).date()
        raise ValidationError(
            f"Deze brief ({brief.kenmerk}) is al verzonden op {dag:%d-%m-%Y} en verandert niet meer."
        )
    if not brief.is_gerenderd:
        raise ValidationError(
            f"De pdf van brief {brief.kenmerk} is nog niet klaar; verzenden kan pas daarna."
        )
    if wijze not in VerzendWijze.values:
        raise ValidationError({"wijze": "Kies hoe de brief is verzonden."})
    if op > vandaag:
        raise ValidationError(
            {"op": "De verzenddatum ligt in de toekomst; leg de verzending vast als de brief weg is."}
        )
    if op < timezone.localtime(brief.aangemaakt_op).date():
        raise ValidationError(
            {"op": f"De verzenddatum ligt vóór de dag waarop brief {brief.kenmerk} is gemaakt."}
        )
    brief.verzonden_op = timezone.now()
    brief.verzonden_door = door
    brief.verzonden_wijze = wijze
    brief.bekendgemaakt_op = op
    brief.save(update_fields=["verzonden_op", "verzonden_door", "verzonden_wijze", "bekendgemaakt_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=brief,
        leerling=brief.leerling,
        omschrijving=f"brief verzonden ({VerzendWijze(wijze).label}, {op:%d-%m-%Y})",
    )
    for functie in _BIJ_BEKENDMAKING:
        functie(brief, request)
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
