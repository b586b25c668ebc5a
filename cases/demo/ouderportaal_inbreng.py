"""Demo of what ouders bring in through the portal [issue 17, part 2]; runs after
cases.demo.ouderportaal. Marieke sent a (fictitious) onderzoeksverslag for Noor: it waits in
'Documenten van ouders' for Noor's school (Mijn werk of the IB'er). The bezwaar is left for the
visitor to try: Noor's decision letter carries a bezwaarclausule. Idempotent."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import Leerling, OuderDocument, OuderKoppeling

# A minimal, valid PDF without script: passes the upload checks like a real scan would.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    from cases.ouderportaal.services.documenten import stuur_document

    noor = Leerling.objects.filter(swv=wereld.swv, voornaam="Noor", achternaam="Verhoevendijk").first()
    koppeling = (
        OuderKoppeling.objects.actief().filter(ouder__leerling=noor).select_related("gebruiker").first()
        if noor
        else None
    )
    if koppeling is None:
        stdout.write("Ouderportaal-demo (documenten): geen ouder met account voor Noor, overgeslagen.")
        return
    if not OuderDocument.objects.filter(leerling=noor).exists():
        stuur_document(
            door=koppeling.gebruiker,
            kind=noor,
            titel="Verslag van de kinderpsycholoog",
            toelichting="Dit onderzoek deden we zelf, via de huisarts. Misschien helpt het bij de aanvraag.",
            bestand=SimpleUploadedFile("verslag.pdf", DEMO_PDF, content_type="application/pdf"),
        )
    stdout.write("Ouderportaal-demo: Marieke stuurde een document voor Noor (wacht bij de school).")
