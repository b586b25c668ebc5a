"""Models of zorgplicht/ by sub-domain, re-exported so `from zorgplicht.models import X` keeps working."""

from .aanmelding import Aanmelding, AanmeldingQuerySet
from .baobao import BaoBaoVoorstel, BaoBaoVoorstelQuerySet
from .informatie import InformatieVerzoek
from .keuzes import (
    LOPENDE_STATUSSEN,
    Antwoord,
    NietVanToepassing,
    OndersteuningSoort,
    Status,
    TLVSoort,
    Uitkomst,
)
from .rollen import is_sc_van_regio, mag_beslissen, mag_volgen
from .sop import SopAanbod, SopAanbodQuerySet

__all__ = [
    "LOPENDE_STATUSSEN",
    "Aanmelding",
    "AanmeldingQuerySet",
    "Antwoord",
    "BaoBaoVoorstel",
    "BaoBaoVoorstelQuerySet",
    "InformatieVerzoek",
    "NietVanToepassing",
    "OndersteuningSoort",
    "SopAanbod",
    "SopAanbodQuerySet",
    "Status",
    "TLVSoort",
    "Uitkomst",
    "is_sc_van_regio",
    "mag_beslissen",
    "mag_volgen",
]
