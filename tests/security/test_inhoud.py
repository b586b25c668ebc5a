"""Content that cannot be turned against the reader [issue 14, part "inhoud"]: a strict
Content-Security-Policy on every page, WeasyPrint that fetches only the project's own static
files, exports that never write a live formula, and uploads that cannot bomb or script."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.matrix import alle_entries

# --- 1. Content-Security-Policy -----------------------------------------------------------------

STRIKT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _directieven(header: str) -> dict[str, str]:
    uit = {}
    for deel in header.split(";"):
        naam, _, waarde = deel.strip().partition(" ")
        if naam:
            uit[naam] = waarde.strip()
    return uit


# Inline script (a <script> without src), a <style> block, a style="" attribute, an on...= event
# handler, a javascript: URL: each is refused by the policy above, so none may be written.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_BLOK = re.compile(r"<style\b", re.I)
STYLE_ATTR = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
INLINE = {
    "inline <script>": INLINE_SCRIPT,
    "<style>-blok": STYLE_BLOK,
    "style-attribuut": STYLE_ATTR,
    "event-handler (on...=)": EVENT_HANDLER,
    "javascript:-URL": JS_URL,
}
# Letters and reports go to WeasyPrint only, never to a browser: they may keep their <style>
# block (WeasyPrint needs @page rules), but no script, handler or style attribute either.
PDF_MAPPEN = ("brieven", "pdf")


def _inline_vondsten(tekst: str, *, pdf: bool = False) -> list[str]:
    return [
        naam
        for naam, patroon in INLINE.items()
        if patroon.search(tekst) and not (pdf and patroon is STYLE_BLOK)
    ]


def test_policy_is_strikt():
    """[issue 14] The policy itself: own origin only, nothing inline, no framing, no plugins."""
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"] == {k: v.split() for k, v in STRIKT.items()}
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE


def test_geen_template_met_inline_script_of_style():
    """[issue 14] No template in templates/ holds inline script, event handlers, style attributes
    or <style> blocks (letter/PDF templates, rendered by WeasyPrint only, may keep <style>)."""
    wortel = Path(settings.BASE_DIR) / "templates"
    fouten = []
    for pad in sorted(wortel.rglob("*.html")):
        rel = pad.relative_to(wortel)
        vondsten = _inline_vondsten(pad.read_text(encoding="utf-8"), pdf=rel.parts[0] in PDF_MAPPEN)
        fouten += [f"{rel}: {v}" for v in vondsten]
    assert not fouten, fouten


def test_scan_vindt_inline_werk():
    """[issue 14] The scan above can fail: each kind of inline content is found."""
    assert _inline_vondsten('<input onfocus="this.select()">') == ["event-handler (on...=)"]
    assert _inline_vondsten("<script>alert(1)</script>") == ["inline <script>"]
    assert _inline_vondsten('<script src="/static/x.js"></script>') == []
    assert _inline_vondsten('<p style="margin:0">') == ["style-attribuut"]
    assert _inline_vondsten("<style>p{}</style>") == ["<style>-blok"]
    assert _inline_vondsten("<style>p{}</style>", pdf=True) == []
    assert _inline_vondsten('<a href="javascript:alert(1)">') == ["javascript:-URL"]


def test_htmx_injecteert_geen_eigen_style(client, world):
    """[issue 14] htmx would add a <style> for its indicator; base.html switches that off."""
    client.force_login(world.users["ib"])
    html = client.get(reverse("home"), follow=True).content.decode()
    assert '"includeIndicatorStyles":false' in html
    css = (Path(settings.BASE_DIR) / "static" / "css" / "passend.css").read_text(encoding="utf-8")
    assert ".htmx-indicator" in css


ENTRIES = alle_entries()


@pytest.mark.parametrize("naam", sorted(ENTRIES))
def test_elke_pagina_heeft_de_csp_header(naam, world, client):
    """[issue 14] Every URL in the role × URL matrix, opened by a role that may (or anonymously
    for a public page), answers with the strict CSP header; an HTML answer holds nothing inline."""
    toegang = ENTRIES[naam]
    if toegang.ok and not toegang.publiek:
        client.force_login(world.users[sorted(toegang.ok)[0]])
    url = reverse(naam, kwargs=toegang.kwargs(world) if toegang.kwargs else None)
    resp = getattr(client, toegang.methode)(url)
    assert "Content-Security-Policy" in resp, f"{naam}: geen CSP-header ({resp.status_code})"
    assert _directieven(resp["Content-Security-Policy"]) == STRIKT
    if resp.get("Content-Type", "").startswith("text/html") and not naam.startswith("admin:"):
        inhoud = b"".join(resp.streaming_content) if resp.streaming else resp.content
        assert not _inline_vondsten(inhoud.decode("utf-8", "replace")), naam


def test_csp_ook_op_foutpaginas(client, world):
    """[issue 14] A 404 (outside DEBUG) carries the policy too."""
    client.force_login(world.users["ib"])
    resp = client.get("/bestaat-niet/")
    assert resp.status_code == 404
    assert _directieven(resp["Content-Security-Policy"]) == STRIKT


# --- 2. WeasyPrint fetches only the project's own static files -----------------------------------


@pytest.fixture
def geen_netwerk(monkeypatch):
    """Any outbound connection fails the test instead of leaving the machine."""
    import socket

    def weiger(*args, **kwargs):
        raise AssertionError("netwerkverbinding geprobeerd")

    monkeypatch.setattr(socket.socket, "connect", weiger)
    monkeypatch.setattr(socket, "create_connection", weiger)


@pytest.fixture
def fetcher_spion(monkeypatch):
    """Wraps the project's url_fetcher: records each URL and whether it was served or refused."""
    from cases.services import brieven

    echt = brieven.pdf_url_fetcher
    gevraagd: dict[str, str] = {}

    def spion(url, *args, **kwargs):
        try:
            resultaat = echt(url, *args, **kwargs)
        except brieven.PdfBronGeweigerd:
            gevraagd[url] = "geweigerd"
            raise
        gevraagd[url] = "geleverd"
        return resultaat

    monkeypatch.setattr(brieven, "pdf_url_fetcher", spion)
    return gevraagd


def test_pdf_haalt_geen_lokale_bestanden_of_externe_bronnen(geen_netwerk, fetcher_spion, caplog):
    """[issue 14] A letter with <img src="file:///etc/hostname"> and an outside stylesheet renders,
    without reading the file or going out: the fetcher was asked and refused both (and logged it);
    the project's own stylesheet is still served."""
    from cases.services.brieven import render_pdf

    html = (
        '<html><head><link rel="stylesheet" href="http://example.org/x.css">'
        '<link rel="stylesheet" href="/static/css/fout.css"></head>'
        '<body><p>Brief</p><img src="file:///etc/hostname"><img src="https://example.org/p.png"></body></html>'
    )
    with caplog.at_level("WARNING", logger="cases.services.brieven"):
        pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert fetcher_spion["http://example.org/x.css"] == "geweigerd"
    assert fetcher_spion["file:///etc/hostname"] == "geweigerd"
    assert fetcher_spion["https://example.org/p.png"] == "geweigerd"
    assert [s for u, s in fetcher_spion.items() if u.endswith("/static/css/fout.css")] == ["geleverd"]
    assert sum("bron geweigerd" in r.getMessage() for r in caplog.records) == 3


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/hostname",
        "file:///etc/passwd",
        "/etc/hostname",
        "/static/../../../../etc/hostname",
        "file:///static/%2e%2e/%2e%2e/%2e%2e/etc/hostname",
        "http://example.org/x.css",
        "https://127.0.0.1:8000/static/css/passend.css",
        "ftp://example.org/x",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64," + "A" * 200_000,
    ],
)
def test_url_fetcher_weigert(url, geen_netwerk):
    """[issue 14] Everything that is not a project static file or a small inline image is refused."""
    from cases.services.brieven import PdfBronGeweigerd, pdf_url_fetcher

    with pytest.raises(PdfBronGeweigerd):
        pdf_url_fetcher(url)


def test_url_fetcher_levert_eigen_static_bestanden():
    """[issue 14] The project's own files: by /static/ URL, by file URL inside a static folder, and
    a small inline image."""
    from weasyprint.urls import path2url

    from cases.services.brieven import pdf_url_fetcher

    eigen = Path(settings.BASE_DIR) / "static" / "css" / "passend.css"
    for url in ("/static/css/passend.css", "file:///static/css/passend.css", path2url(str(eigen))):
        resultaat = pdf_url_fetcher(url)
        inhoud = resultaat.get("string") or resultaat["file_obj"].read()
        if "file_obj" in resultaat:
            resultaat["file_obj"].close()
        assert b".htmx-indicator" in inhoud, url
    klein = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    resultaat = pdf_url_fetcher(klein)
    assert resultaat["mime_type"] == "image/gif"
    resultaat["file_obj"].close()


# --- 3. Exports never write a live formula -------------------------------------------------------

FORMULE = '=HYPERLINK("http://x","y")'


def test_veilige_cel():
    """[issue 14] OWASP: a leading apostrophe before =, +, -, @, tab and CR; numbers stay numbers."""
    from cases.exports import veilige_cel

    for begin in ("=", "+", "-", "@", "\t", "\r"):
        assert veilige_cel(begin + "1+1") == "'" + begin + "1+1"
    assert veilige_cel("Milan") == "Milan"
    assert veilige_cel("") == ""
    assert veilige_cel(-3) == -3
    assert veilige_cel(-2.5) == -2.5
    assert veilige_cel(None) is None


def _formule_leerling(world):
    from tests.factories.verzuim import leerling_met_ouder
    from verzuim.services import thuiszitters as svc

    return svc.registreer_thuiszitter(
        leerling=leerling_met_ouder(school=world.school, voornaam=FORMULE),
        soort="relatief",
        thuis_sinds=date(2025, 11, 3),
        regie_bij="-regie+",
        door=world.users["sc"],
        vandaag=date(2026, 3, 1),
    )


def _csv(resp) -> list[list[str]]:
    return list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig")), delimiter=";"))


def test_thuiszitters_export_schrijft_geen_formule(world, client):
    """[issue 14] A pupil named =HYPERLINK(...) is text in the thuiszitters CSV and XLSX; the day
    count stays a number."""
    from openpyxl import load_workbook

    _formule_leerling(world)
    client.force_login(world.users["sll"])
    rijen = _csv(client.get("/verzuim/thuiszitters/export/?peildatum=2026-02-03&formaat=csv"))
    assert rijen[1][0].startswith("'" + FORMULE)
    assert rijen[1][11] == "'-regie+"
    assert rijen[1][8] == "93"
    resp = client.get("/verzuim/thuiszitters/export/?peildatum=2026-02-03&formaat=xlsx")
    blad = load_workbook(io.BytesIO(resp.content))["Thuiszitters"]
    assert blad["A2"].value.startswith("'" + FORMULE)
    assert blad["A2"].data_type == "s"
    assert blad["I2"].value == 93 and blad["I2"].data_type == "n"
    for rij in blad.iter_rows():
        assert all(c.data_type != "f" for c in rij)


def test_doorlooptijden_export_schrijft_geen_formule(world, client):
    """[issue 14] The doorlooptijden export has no pupil names, but school and regio names are
    typed by people too: a school named =HYPERLINK(...) is text in CSV and XLSX; days stay numbers."""
    from openpyxl import load_workbook

    from tests.factories.tlv import concept, naar
    from tests.tweefactor import code_voor
    from tlv import services
    from tlv.models import Status

    world.school.naam = FORMULE
    world.school.save()
    world.regio.naam = "@regio"
    world.regio.save()
    aanvraag = naar(world, concept(world), Status.TER_ONDERTEKENING, ontvangen_op=date(2026, 3, 10))
    services.onderteken(
        aanvraag=aanvraag,
        door=world.users["bestuurder"],
        wachtwoord="demo",
        code=code_voor(world.users["bestuurder"]),
        op=date(2026, 4, 16),
    )
    client.force_login(world.users["sll"])
    pad = reverse("tlv:doorlooptijden") + "?schooljaar=2025"
    rijen = _csv(client.get(pad + "&formaat=csv"))
    assert rijen[1][1] == "'" + FORMULE
    assert rijen[1][2] == "'@regio"
    blad = load_workbook(io.BytesIO(client.get(pad + "&formaat=xlsx").content))["Doorlooptijden"]
    assert blad["B2"].value == "'" + FORMULE and blad["B2"].data_type == "s"
    assert blad["C2"].value == "'@regio"
    netto = blad.cell(row=2, column=blad.max_column - 1)
    assert netto.value == 37 and netto.data_type == "n"
    for rij in blad.iter_rows():
        assert all(c.data_type != "f" for c in rij)


# --- 4. Uploads that cannot bomb or script -----------------------------------------------------


def _zip(delen: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return buf.getvalue()


DOCX_TYPES = (
    b'<Types><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _docx_bom(nullen: int = 60 * 1024 * 1024) -> bytes:
    # A valid-looking DOCX whose document part inflates from ~60 KB to 60 MB of zeros.
    return _zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": b"\0" * nullen})


def _pdf(*objecten: bytes) -> bytes:
    kern = b"".join(b"%d 0 obj" % (i + 1) + o + b"endobj\n" for i, o in enumerate(objecten))
    return b"%PDF-1.7\n" + kern + b"trailer<</Root 1 0 R>>\n%%EOF\n"


def _objstm_pdf(verborgen: bytes) -> bytes:
    inhoud = zlib.compress(b"4 0 " + verborgen)
    return _pdf(
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[]/Count 0>>",
        b"<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length %d>>stream\n" % len(inhoud)
        + inhoud
        + b"\nendstream\n",
    )


GEWEIGERD = [
    ("bom.docx", _docx_bom(), "onredelijk groot"),
    (
        "bom-klein.docx",  # under 50 MB in all, but a ratio far above 100
        _zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": b"\0" * (20 * 1024 * 1024)}),
        "onredelijk groot",
    ),
    (
        "veel.odt",
        _zip(
            {"mimetype": b"application/vnd.oasis.opendocument.text", **{f"d{i}": b"x" for i in range(1500)}}
        ),
        "meer dan 1000 onderdelen",
    ),
    (
        "js.pdf",
        _pdf(b"<</Type/Catalog/Names<</JavaScript 2 0 R>>>>", b"<</S/JavaScript/JS(app.alert(1))>>"),
        "JavaScript",
    ),
    ("open.pdf", _pdf(b"<</Type/Catalog/OpenAction<</S/Launch/F(calc.exe)>>>>"), "actie bij openen"),
    ("aa.pdf", _pdf(b"<</Type/Page/AA<</O<</S/URI/URI(http://x)>>>>>>"), "automatische actie"),
    ("escape.pdf", _pdf(b"<</Type/Catalog/Open#41ction 2 0 R>>"), "actie bij openen"),
    ("objstm.pdf", _objstm_pdf(b"<</S/JavaScript/JS(app.alert(1))>>"), "JavaScript"),
    (
        "polyglot.pdf",
        b"%PDF-1.4\n<html><script>alert(document.cookie)</script>\n" + _pdf(b"<<>>"),
        "webpagina",
    ),
    ("pdf.html", b"%PDF-1.4\n%\xe2\xe3\n<!doctype html><HTML><body>hoi</body></HTML>", "webpagina"),
]


@pytest.fixture
def ib_client(world, client):
    client.force_login(world.users["ib"])
    return client


@pytest.mark.parametrize("naam,inhoud,melding", GEWEIGERD, ids=[g[0] for g in GEWEIGERD])
def test_onveilige_upload_geweigerd_rest_blijft_staan(world, ib_client, naam, inhoud, melding):
    """[issue 14] A zip bomb, too many parts, a PDF with JavaScript or an (automatic) action, and a
    PDF/HTML polyglot are refused on the file field with a Dutch message; what was typed stays."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.models import Document
    from tests.factories.dossier import leerling_met_ouders

    leerling = leerling_met_ouders(world, voornaam="Noor", achternaam="Verhoevendijk", bsn="111222333")
    resp = ib_client.post(
        reverse("document_nieuw", args=[leerling.pk]),
        {
            "soort": "lvs",
            "titel": "Mijn getypte omschrijving",
            "datum": "2026-02-20",
            "notitie": "Mijn notitie",
            "bestand": SimpleUploadedFile(naam, inhoud),
        },
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert melding in html
    assert "Mijn getypte omschrijving" in html and "Mijn notitie" in html and 'value="2026-02-20"' in html
    assert not Document.objects.exists()


def test_zipbom_wordt_niet_uitgepakt(monkeypatch):
    """[issue 14] The bound is checked on the zip directory: nothing of the bomb is read."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.dossier.services import documenten

    def niet_lezen(*args, **kwargs):
        raise AssertionError("zip-inhoud gelezen")

    bom = SimpleUploadedFile("bom.docx", GEWEIGERD[0][1])
    monkeypatch.setattr(zipfile.ZipFile, "read", niet_lezen)
    monkeypatch.setattr(zipfile.ZipFile, "open", niet_lezen)
    with pytest.raises(documenten.OnveiligBestand):
        documenten.herken_bestand(bom)


def test_gewone_documenten_blijven_welkom():
    """[issue 14] The bounds do not hit normal files: a plain PDF, a DOCX with a few MB of text, an
    ODT, and a PDF with a compressed object stream without script."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.dossier.services.documenten import DOCX, ODT, PDF, herken_bestand
    from tests.factories.dossier import MINI_PDF

    tekst = " ".join(f"woord{i}" for i in range(400_000)).encode()
    gewoon = [
        (MINI_PDF, PDF),
        (_objstm_pdf(b"<</Type/Page/MediaBox[0 0 595 842]>>"), PDF),
        (_zip({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": tekst}), DOCX),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}), ODT),
    ]
    for inhoud, soort in gewoon:
        assert herken_bestand(SimpleUploadedFile("x", inhoud)) == soort
