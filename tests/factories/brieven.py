import hashlib

from django.core.files.base import ContentFile

from cases.models.brieven import Brief

MINI_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def gerenderde_brief(*, leerling, soort="test", onderwerp="Testbrief", aan_ouders=True) -> Brief:
    """A letter row with a stored PDF, without going through WeasyPrint; addressed to the ouders
    (as maak_brief makes it) unless aan_ouders=False."""
    brief = Brief.objects.create(
        swv_id=leerling.swv_id,
        leerling=leerling,
        soort=soort,
        onderwerp=onderwerp,
        template="brieven/test_besluit.html",
        kenmerk=f"TEST-{Brief.objects.count() + 1}",
        sha256=hashlib.sha256(MINI_PDF).hexdigest(),
        aan_ouders=aan_ouders,
    )
    brief.pdf.save(brief.bestandsnaam, ContentFile(MINI_PDF))
    return brief
