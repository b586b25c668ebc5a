"""Documents [issue 3]: PDF, DOCX, ODT, PNG, JPEG only, checked by content; at most 20 MB; stored
privately under a random name; served only through a permission-checked, audited view."""

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.dossier.services.documenten import herken_bestand
from cases.models import AuditRegel, Document
from tests.factories.dossier import MINI_PDF, leerling_met_ouders

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 100
    + b"This program cannot be run in DOS mode"
)


def zip_bytes(bestanden: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return buf.getvalue()


DOCX = zip_bytes(
    {
        "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": b"<w:document/>",
    }
)
ODT = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"}
)
XLSX = zip_bytes(
    {
        "[Content_Types].xml": b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sheet.main+xml"/></Types>',
        "xl/workbook.xml": b"<workbook/>",
    }
)
KALE_ZIP = zip_bytes({"notities.txt": b"geen document"})


@pytest.fixture
def leerling(world):
    return leerling_met_ouders(world, voornaam="Noor", achternaam="Verhoevendijk", bsn="111222333")


@pytest.fixture
def ib(world, login):
    return login(world.users["ib"])


def upload(client, leerling, naam, inhoud, **extra):
    data = {
        "soort": "lvs",
        "titel": "LVS-overzicht groep 4",
        "datum": "2026-02-20",
        "notitie": "Mijn notitie",
        "bestand": SimpleUploadedFile(naam, inhoud),
    }
    data.update(extra)
    return client.post(reverse("document_nieuw", args=[leerling.pk]), data)


@pytest.mark.parametrize(
    "naam,inhoud,mime",
    [
        ("lvs.pdf", MINI_PDF, "application/pdf"),
        ("scan.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("verslag.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("verslag.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_toegestane_soorten_worden_opgeslagen(world, leerling, ib, naam, inhoud, mime):
    resp = upload(ib, leerling, naam, inhoud)
    assert resp.status_code == 302
    doc = Document.objects.get(leerling=leerling)
    assert doc.mimetype == mime
    assert doc.grootte == len(inhoud)
    assert AuditRegel.objects.filter(actie="aangemaakt", object_id=str(doc.pk)).exists()


def test_bestandsnaam_willekeurig_zonder_naam_of_bsn(world, leerling, ib):
    upload(ib, leerling, "Noor Verhoevendijk 111222333.pdf", MINI_PDF)
    doc = Document.objects.get(leerling=leerling)
    for geheim in ("Noor", "Verhoevendijk", "111222333"):
        assert geheim not in doc.bestand.name
        assert geheim not in doc.downloadnaam
    assert doc.bestand.name.startswith("documenten/")
    assert doc.bestand.name.endswith(".pdf")


def test_hernoemde_exe_als_pdf_geweigerd_rest_blijft_staan(world, leerling, ib):
    """[issue 3] A renamed .exe as .pdf is refused, with a Dutch message; the form keeps the input."""
    resp = upload(ib, leerling, "verslag.pdf", EXE, titel="Mijn getypte omschrijving")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Dit bestand kan niet worden toegevoegd" in html
    assert "aan de inhoud van het bestand" in html
    assert "Mijn getypte omschrijving" in html
    assert "Mijn notitie" in html
    assert 'value="2026-02-20"' in html
    assert "kies het bestand opnieuw" in html
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "naam,inhoud",
    [
        ("lijst.docx", XLSX),
        ("map.docx", KALE_ZIP),
        ("tekst.pdf", b"gewoon tekst"),
        ("plaatje.png", b"GIF89a" + b"\x00" * 20),
    ],
)
def test_andere_inhoud_geweigerd(world, leerling, ib, naam, inhoud):
    assert upload(ib, leerling, naam, inhoud).status_code == 200
    assert not Document.objects.exists()


def test_te_groot_geweigerd(world, leerling, ib, settings):
    settings.PASSEND_MAX_UPLOAD_BYTES = 1024
    resp = upload(ib, leerling, "groot.pdf", MINI_PDF + b"0" * 2048)
    assert "mag hooguit" in resp.content.decode()
    assert not Document.objects.exists()


def test_onderzoeksverslag_vraagt_datum_onderzoek(world, leerling, ib):
    resp = upload(ib, leerling, "onderzoek.pdf", MINI_PDF, soort="onderzoek")
    assert "datum van het onderzoek" in resp.content.decode()
    assert not Document.objects.exists()
    assert (
        upload(
            ib, leerling, "onderzoek.pdf", MINI_PDF, soort="onderzoek", onderzoeksdatum="2025-06-12"
        ).status_code
        == 302
    )


def test_herkenning_op_inhoud():
    assert herken_bestand(io.BytesIO(EXE)) is None
    assert herken_bestand(io.BytesIO(MINI_PDF)).extensie == "pdf"
    assert herken_bestand(io.BytesIO(DOCX)).extensie == "docx"
    assert herken_bestand(io.BytesIO(ODT)).extensie == "odt"


class TestDownload:
    @pytest.fixture
    def document(self, world, leerling, ib):
        upload(ib, leerling, "lvs.pdf", MINI_PDF)
        return Document.objects.get(leerling=leerling)

    def test_download_met_toegangscontrole_en_audit(self, world, document, ib, login):
        resp = ib.get(reverse("document_download", args=[document.pk]))
        assert resp.status_code == 200
        assert b"".join(resp.streaming_content) == MINI_PDF
        assert f'filename="{document.downloadnaam}"' in resp["Content-Disposition"]
        assert AuditRegel.objects.filter(
            actie="gedownload", object_id=str(document.pk), gebruiker=world.users["ib"]
        )
        for user in (world.ib_a2, world.ib_b, world.users["lpa"], world.users["deskundige"]):
            assert login(user).get(reverse("document_download", args=[document.pk])).status_code == 404

    def test_bestand_niet_bereikbaar_buiten_de_view(self, document, ib, client):
        """Private storage: the stored path is not served by any URL, also not to a logged-in user."""
        assert ib.get("/" + document.bestand.name).status_code == 404
        assert ib.get("/var/private/" + document.bestand.name).status_code == 404

    def test_leerkracht_mag_niet_uploaden(self, world, leerling, login):
        assert (
            login(world.users["leerkracht"]).get(reverse("document_nieuw", args=[leerling.pk])).status_code
            == 403
        )


def test_onderzoek_ouder_dan_twee_jaar_gemarkeerd(world, leerling, ib):
    """[bijlage 3.8.1] research reports for a TLV not older than two years (medical may be older)."""
    upload(
        ib, leerling, "oud.pdf", MINI_PDF, soort="onderzoek", onderzoeksdatum="2020-01-10", datum="2020-02-01"
    )
    html = ib.get(reverse("dossier", args=[leerling.pk])).content.decode()
    assert "ouder dan twee jaar" in html
    assert Document.objects.get().onderzoeksdatum == date(2020, 1, 10)
