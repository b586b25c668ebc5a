"""Demo helper: a TLV that stands as decided before the demo's own history starts [002 L194].

Apart from tlv/demo_inhoud.py (the TLV procedures the demo replays) because it is called from
the interventie demo and from tests that place a pupil on sbo/so."""

from __future__ import annotations

from datetime import date, timedelta

from tlv.demo_inhoud import GEDEELD
from tlv.models import TLVAanvraag


def tlv_voor_plaatsing(
    *, leerling, verwijzende_school, door, schoolsoort: str, categorie: str, besluit_op: date, ingang: date
):
    """A TLV issued before the demo's own history starts (Lotte's TLV so, decided while her
    interventietraject ran), so that her definitive placement on the so passes the toelating
    [002 L194]. The aanvraag stands as decided; its procedure is not replayed. Idempotent."""
    from tlv.models import TLV
    from tlv.models.keuzes import Soort, Status

    bestaand = TLV.objects.filter(leerling=leerling, schoolsoort=schoolsoort).first()
    if bestaand is not None:
        return bestaand
    aanvraag = TLVAanvraag.objects.create(
        swv=leerling.swv,
        leerling=leerling,
        school=verwijzende_school,
        soort=Soort.ZIJ_INSTROOM,
        status=Status.AFGEGEVEN,
        gevraagde_schoolsoort=schoolsoort,
        groep=leerling.huidige_groep,
        ontvangen_op=besluit_op - timedelta(days=30),
        besluit_op=besluit_op,
        besluit_verzonden_op=besluit_op,
        aangemaakt_door=door,
        **GEDEELD,
    )
    eind = date(ingang.year + 2 + (ingang.month >= 8), 7, 31)
    return TLV.objects.create(
        aanvraag=aanvraag,
        swv=leerling.swv,
        leerling=leerling,
        kenmerk=f"TLV-{besluit_op:%Y}-{aanvraag.pk:05d}",
        soort=aanvraag.soort,
        schoolsoort=schoolsoort,
        categorie=categorie,
        periode="6-8",
        ingangsdatum=ingang,
        einddatum=eind,
        afgegeven_op=besluit_op,
    )
