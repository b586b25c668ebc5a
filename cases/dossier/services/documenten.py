"""Uploading and serving dossier documents [issue 3].

Only PDF, DOCX, ODT, PNG and JPEG are accepted, decided on the bytes (not the name): PDF, PNG and
JPEG by their signature (package `filetype` plus an explicit check), DOCX and ODT by opening the
zip and checking `[Content_Types].xml` resp. the `mimetype` entry. At most
settings.PASSEND_MAX_UPLOAD_BYTES. The stored name is random with the extension of the detected
type; downloads get a name made of type and date only (never a name or BSN)."""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from cases.dossier.services.leerlingen import eis_bewerkrecht
from cases.models import Document, DocumentSoort, Leerling
from cases.models.audit import AuditActie
from cases.services.audit import log

TOEGESTAAN_TEKST = "PDF, Word (.docx), OpenDocument-tekst (.odt), PNG of JPEG"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MIME = "application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Bestandssoort:
    mimetype: str
    extensie: str
    omschrijving: str


PDF = Bestandssoort("application/pdf", "pdf", "PDF")
PNG = Bestandssoort("image/png", "png", "PNG-afbeelding")
JPEG = Bestandssoort("image/jpeg", "jpg", "JPEG-afbeelding")
DOCX = Bestandssoort(DOCX_MIME, "docx", "Word-document")
ODT = Bestandssoort(ODT_MIME, "odt", "OpenDocument-tekst")


def max_grootte_tekst() -> str:
    return f"{settings.PASSEND_MAX_UPLOAD_BYTES // (1024 * 1024)} MB"


# Bounds for DOCX/ODT, checked on the zip's own directory before anything is unpacked [issue 14]:
# a 200 KB zip bomb must not inflate to 400 MB in memory. Real documents stay far below these.
ZIP_MAX_UITGEPAKT = 50 * 1024 * 1024
ZIP_MAX_DELEN = 1000
ZIP_MAX_VERHOUDING = 100  # uncompressed : compressed, for members above ZIP_VERHOUDING_VANAF
ZIP_VERHOUDING_VANAF = 1024 * 1024
ZIP_MAX_GELEZEN = 1024 * 1024  # at most this much of [Content_Types].xml / mimetype is read
# Names in a PDF that run script or act on opening [issue 14]; #xx escapes are decoded first.
PDF_ACTIEF = {
    b"JS": "JavaScript",
    b"JavaScript": "JavaScript",
    b"OpenAction": "een actie bij openen",
    b"AA": "een automatische actie",
}
_PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_NAAM = re.compile(rb"/((?:[^\s/<>\[\]()%{}#]|#[0-9A-Fa-f]{2})+)")
_PDF_STREAM = re.compile(rb"\bstream\r?\n")
PDF_MAX_UITGEPAKT = 50 * 1024 * 1024
# A PDF that a browser could also read as HTML (or HTML dressed as a PDF).
_HTML_IN_KOP = re.compile(rb"<\s*(html|script|body|iframe|svg)\b", re.I)


class OnveiligBestand(Exception):
    """A file of an allowed type that is refused for what it contains; the message is Dutch."""


def _controleer_zip(z: zipfile.ZipFile) -> None:
    delen = z.infolist()
    if len(delen) > ZIP_MAX_DELEN:
        raise OnveiligBestand(
            f"Dit document bestaat uit meer dan {ZIP_MAX_DELEN} onderdelen; zo'n bestand nemen we niet aan. "
            "Sla het opnieuw op als PDF en voeg dat toe."
        )
    uitgepakt = sum(d.file_size for d in delen)
    verdacht = any(
        d.file_size > ZIP_VERHOUDING_VANAF and d.file_size > ZIP_MAX_VERHOUDING * max(d.compress_size, 1)
        for d in delen
    )
    if uitgepakt > ZIP_MAX_UITGEPAKT or verdacht:
        raise OnveiligBestand(
            "Dit document wordt bij het openen onredelijk groot (het is sterk ingepakt); zo'n bestand "
            "nemen we niet aan. Sla het opnieuw op als PDF en voeg dat toe."
        )


def _zip_soort(bestand) -> Bestandssoort | None:
    bestand.seek(0)
    try:
        with zipfile.ZipFile(bestand) as z:
            _controleer_zip(z)
            namen = set(z.namelist())
            if "mimetype" in namen:
                with z.open("mimetype") as f:
                    if f.read(ZIP_MAX_GELEZEN).decode("ascii", "replace").strip() == ODT_MIME:
                        return ODT
                return None
            if "[Content_Types].xml" in namen:
                with z.open("[Content_Types].xml") as f:
                    inhoud = f.read(ZIP_MAX_GELEZEN).decode("utf-8", "replace")
                if "wordprocessingml.document.main+xml" in inhoud and "word/document.xml" in namen:
                    return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError, zlib.error):
        return None
    finally:
        bestand.seek(0)
    return None


def _pdf_namen(data: bytes) -> set[bytes]:
    return {_PDF_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), n) for n in _PDF_NAAM.findall(data)}


def _controleer_pdf(bestand, kop: bytes) -> None:
    """Refuse a PDF that runs JavaScript or an action (also inside compressed object streams), and
    a PDF/HTML polyglot. Nothing is executed; the bytes are only read."""
    if _HTML_IN_KOP.search(kop):
        raise OnveiligBestand(
            "Dit bestand is tegelijk een PDF en een webpagina; zo'n bestand nemen we niet aan. "
            "Druk het document opnieuw af als PDF en voeg dat toe."
        )
    bestand.seek(0)
    data = bestand.read()
    bestand.seek(0)
    namen = _pdf_namen(data)
    ruimte = PDF_MAX_UITGEPAKT
    for m in _PDF_STREAM.finditer(data):
        # Objects packed in a compressed object stream: unpack within a bound and look there too.
        woordenboek = data[max(0, m.start() - 1024) : m.start()].rpartition(b" obj")[2]
        if b"/ObjStm" not in woordenboek or b"/FlateDecode" not in woordenboek:
            continue
        uitpakker = zlib.decompressobj()
        try:
            stuk = uitpakker.decompress(data[m.end() :], ruimte)
        except zlib.error:
            continue
        ruimte -= len(stuk)
        namen |= _pdf_namen(stuk)
        if ruimte <= 0:
            break
    gevonden = sorted({PDF_ACTIEF[n] for n in namen if n in PDF_ACTIEF})
    if gevonden:
        raise OnveiligBestand(
            f"Deze PDF bevat {' en '.join(gevonden)}; zo'n PDF nemen we niet aan omdat die bij het openen "
            "iets kan uitvoeren. Druk het document opnieuw af als PDF (bijvoorbeeld via 'Afdrukken naar "
            "PDF') en voeg dat toe."
        )


def herken_bestand(bestand) -> Bestandssoort | None:
    """The type of an uploaded file judged by its content, or None when it is not allowed. Raises
    OnveiligBestand for an allowed type with dangerous content (zip bomb, PDF script, polyglot)."""
    bestand.seek(0)
    kop = bestand.read(8192)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        _controleer_pdf(bestand, kop)
        return PDF
    soort = filetype.guess(kop)
    if soort is not None:
        if soort.mime == "image/png" and kop.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if soort.mime == "image/jpeg" and kop.startswith(b"\xff\xd8\xff"):
            return JPEG
    if kop.startswith(b"PK\x03\x04"):
        return _zip_soort(bestand)
    return None


def controleer_bestand(bestand) -> Bestandssoort:
    """Raise a Dutch ValidationError for anything that is not allowed."""
    if bestand is None:
        raise ValidationError({"bestand": "Kies het bestand dat u wilt toevoegen."})
    if bestand.size == 0:
        raise ValidationError({"bestand": "Dit bestand is leeg."})
    if bestand.size > settings.PASSEND_MAX_UPLOAD_BYTES:
        mb = bestand.size / (1024 * 1024)
        raise ValidationError(
            {"bestand": f"Dit bestand is {mb:.1f} MB; het mag hooguit {max_grootte_tekst()} zijn."}
        )
    try:
        soort = herken_bestand(bestand)
    except OnveiligBestand as exc:
        raise ValidationError({"bestand": str(exc)}) from exc
    if soort is None:
        raise ValidationError(
            {
                "bestand": f"Dit bestand kan niet worden toegevoegd: alleen {TOEGESTAAN_TEKST} "
                "zijn toegestaan, "
                "en dat wordt aan de inhoud van het bestand gecontroleerd, niet alleen aan de naam."
            }
        )
    return soort


@transaction.atomic
def voeg_document_toe(
    *,
    leerling: Leerling,
    door,
    request=None,
    soort: str,
    titel: str,
    datum: date,
    onderzoeksdatum: date | None = None,
    notitie: str = "",
    bestand,
) -> Document:
    eis_bewerkrecht(door, leerling)
    return sla_document_op(
        leerling=leerling,
        door=door,
        request=request,
        soort=soort,
        titel=titel,
        datum=datum,
        onderzoeksdatum=onderzoeksdatum,
        notitie=notitie,
        bestand=bestand,
    )


def sla_document_op(
    *,
    leerling: Leerling,
    door,
    request=None,
    soort: str,
    titel: str,
    datum: date,
    onderzoeksdatum: date | None = None,
    notitie: str = "",
    bestand,
    omschrijving: str = "",
) -> Document:
    """The checks and the storing, for a caller that checked `door` itself (voeg_document_toe; a
    document of ouders accepted into the dossier, cases/ouderportaal/services/documenten.py)."""
    fout: dict[str, str] = {}
    if soort not in DocumentSoort.values:
        fout["soort"] = "Kies het soort document."
    if soort == DocumentSoort.ONDERZOEK and onderzoeksdatum is None:
        fout["onderzoeksdatum"] = "Vul bij een onderzoeksverslag de datum van het onderzoek in."
    vandaag = timezone.localdate()
    if datum and datum > vandaag:
        fout["datum"] = "De datum van het document ligt in de toekomst."
    if onderzoeksdatum and onderzoeksdatum > vandaag:
        fout["onderzoeksdatum"] = "De datum van het onderzoek ligt in de toekomst."
    try:
        herkend = controleer_bestand(bestand)
    except ValidationError as exc:
        fout.update({k: v[0] for k, v in exc.message_dict.items()})
        herkend = None
    if fout:
        raise ValidationError(fout)
    bestand.seek(0)
    sha = hashlib.sha256()
    for blok in iter(lambda: bestand.read(1024 * 1024), b""):
        sha.update(blok)
    bestand.seek(0)
    document = Document(
        leerling=leerling,
        soort=soort,
        titel=titel.strip(),
        datum=datum,
        onderzoeksdatum=onderzoeksdatum,
        notitie=notitie,
        mimetype=herkend.mimetype,
        grootte=bestand.size,
        sha256=sha.hexdigest(),
        geupload_door=door,
    )
    # The upload's own name is not kept: it may hold a name or BSN. Only the detected extension.
    document.bestand.save(f"document.{herkend.extensie}", File(bestand), save=False)
    document.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=document,
        leerling=leerling,
        omschrijving=omschrijving or f"document toegevoegd: {document.get_soort_display()}",
    )
    return document


def open_voor_download(*, document: Document, request):
    """Open the stored file for the (already permission-checked) download view and log it."""
    bestand = document.bestand.open("rb")
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=document,
        leerling=document.leerling,
        omschrijving=f"document gedownload: {document.get_soort_display()}",
    )
    return bestand
