"""Demo content for the TLV register [issue 16.8]: TLVs issued before the demo's own history, so the
register shows sbo and so with each bekostigingscategorie, a TLV that ended, one not yet placed,
one paid by the SWV the child came from [002 L216] and one for a first enrolment [002 L216-217].
Called by `manage.py demo_data` (DEMO_APPS) after the TLV procedures of tlv/demo_inhoud.py.

The aanvragen stand as decided; their procedure is not replayed (as tlv/demo_plaatsing.py). The
enrolments are history, written as rows, like the demo's other pupils' enrolments. Fictitious names
only; dates follow the current school year, so the register looks the same whenever the demo is
built. Idempotent: a pupil that already exists is left alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cases.models import Inschrijving, Leerling, Ouder
from cases.models.leerling import Geslacht
from cases.termijnen import schooljaar_begin
from tlv.demo_inhoud import GEDEELD
from tlv.models import TLV, TLVAanvraag
from tlv.models.besluit import BekostigingGrond
from tlv.models.keuzes import Soort, Status

ANDER_SWV = "Samenwerkingsverband Rivierenland-Oost PO (demo) (PO 99-07)"


@dataclass(frozen=True)
class DemoTLV:
    """One pupil with one TLV. A date is (school year, month, day), the school year relative to the
    current one (0 = this one, -1 = last year; see _dag); `geboren` is (calendar year relative to the
    current school year's start, month, day); `geplaatst`: the sbo/so school and the first day there."""

    voornaam: str
    achternaam: str
    geslacht: str
    geboren: tuple[int, int, int]  # (relative year, month, day)
    verwijzende_school: str
    soort: str
    schoolsoort: str
    categorie: str
    periode: str
    afgegeven: tuple[int, int, int]
    ingang: tuple[int, int, int]
    eind: tuple[int, int, int]
    geplaatst: tuple[str, tuple[int, int, int]] | None = None
    uitgeschreven: tuple[int, int, int] | None = None  # left the sbo/so (to vo)
    bekostigend: tuple[str, str] | None = None  # (SWV, grond) when not the default


TLVS = (
    DemoTLV(
        "Bente", "Registerhof", Geslacht.MEISJE, (-9, 3, 14), "OBS De Eikenhorst", Soort.ZIJ_INSTROOM,
        "sbo", "", "4-5", (-2, 6, 12), (-1, 8, 1), (0, 7, 31), ("SBO De Brug", (-1, 8, 26)),
    ),
    DemoTLV(
        "Jurre", "Startveld", Geslacht.JONGEN, (-13, 5, 2), "CBS Het Mosterdzaadje", Soort.ZIJ_INSTROOM,
        "sbo", "", "6-8", (-4, 6, 20), (-3, 8, 1), (-2, 7, 31), ("SBO Het Startpunt", (-3, 8, 27)),
        uitgeschreven=(-2, 7, 31),
    ),
    DemoTLV(
        "Fenne", "Sterrenborg", Geslacht.MEISJE, (-10, 11, 23), "Jenaplanschool De Klimboom",
        Soort.HERINDICATIE, "so", "hoog", "6-8", (-1, 7, 3), (0, 8, 1), (1, 7, 31),
        ("SO De Sterrenwacht (cluster 4)", (0, 8, 25)),
        bekostigend=(ANDER_SWV, BekostigingGrond.HERKOMST),
    ),
    DemoTLV(
        "Tim", "Bakenhoef", Geslacht.JONGEN, (-4, 9, 8), "IKC De Boomgaard", Soort.ONDERINSTROOM,
        "so", "laag", "1-3", (0, 8, 20), (0, 9, 8), (2, 7, 31), ("SO Het Baken (cluster 3)", (0, 9, 8)),
    ),
    DemoTLV(
        "Roos", "Wachtelaar", Geslacht.MEISJE, (-8, 1, 30), "Daltonschool De Horizon", Soort.ZIJ_INSTROOM,
        "so", "midden", "4-5", (0, 11, 18), (0, 1, 5), (1, 7, 31),
    ),
)  # fmt: skip


def _dag(basis: int, rel: tuple[int, int, int]) -> date:
    """A (relative year, month, day) in the school year that starts in basis + year: August–December
    fall in that calendar year, January–July in the next."""
    jaar, maand, dag = rel
    return date(basis + jaar + (maand < 8), maand, dag)


def _bouw_een(wereld, d: DemoTLV, basis: int, door) -> None:
    swv = wereld.swv
    verwijzend = wereld.scholen[d.verwijzende_school]
    jaar, maand, dag = d.geboren
    geboren = date(basis + jaar, maand, dag)
    ll = Leerling.objects.create(
        swv=swv,
        voornaam=d.voornaam,
        achternaam=d.achternaam,
        geboortedatum=geboren,
        geslacht=d.geslacht,
        woonplaats=verwijzend.gemeente.naam,
        gemeente=verwijzend.gemeente,
        thuistaal="Nederlands",
    )
    Ouder.objects.create(
        leerling=ll,
        naam=f"Demi {d.achternaam}",
        relatie="moeder",
        gezag=True,
        adres=f"Demostraat {ll.pk % 97 + 1}",
        postcode_plaats=f"9999 DM {ll.woonplaats}",
        telefoon="06-00000000",
        email=f"ouder{ll.pk}@demo.example",
    )
    ingang, eind, afgegeven = _dag(basis, d.ingang), _dag(basis, d.eind), _dag(basis, d.afgegeven)
    # The regular school until the placement.
    plek_van = _dag(basis, d.geplaatst[1]) if d.geplaatst else None
    eerst_van = date(geboren.year + 4, geboren.month, min(geboren.day, 28))
    huidig, groep = None, None
    if d.soort != Soort.ONDERINSTROOM:  # a first enrolment: no school before the so
        huidig, groep = verwijzend, 4
        Inschrijving.objects.create(
            leerling=ll,
            school=verwijzend,
            groep=groep,
            van=eerst_van,
            tot=plek_van - timedelta(days=1) if plek_van else None,
        )
    if d.geplaatst:
        huidig = wereld.scholen[d.geplaatst[0]]
        tot = _dag(basis, d.uitgeschreven) if d.uitgeschreven else None
        groep = 1 if d.soort == Soort.ONDERINSTROOM else 5
        Inschrijving.objects.create(leerling=ll, school=huidig, groep=groep, van=plek_van, tot=tot)
        if tot:
            huidig = groep = None  # on to the voortgezet onderwijs, outside this SWV's register
    Leerling.objects.filter(pk=ll.pk).update(huidige_school=huidig, huidige_groep=groep if huidig else None)
    aanvraag = TLVAanvraag.objects.create(
        swv=swv,
        leerling=ll,
        school=verwijzend,
        soort=d.soort,
        status=Status.AFGEGEVEN,
        gevraagde_schoolsoort=d.schoolsoort,
        groep=None if d.soort == Soort.ONDERINSTROOM else 4,
        ontvangen_op=afgegeven - timedelta(days=35),
        besluit_op=afgegeven,
        besluit_verzonden_op=afgegeven,
        aangemaakt_door=door,
        **GEDEELD,
    )
    bekostigend, grond = d.bekostigend or ("", "")
    TLV.objects.create(
        aanvraag=aanvraag,
        swv=swv,
        leerling=ll,
        kenmerk=f"TLV-{afgegeven:%Y}-{aanvraag.pk:05d}",
        soort=d.soort,
        schoolsoort=d.schoolsoort,
        categorie=d.categorie,
        periode=d.periode,
        ingangsdatum=ingang,
        einddatum=eind,
        afgegeven_op=afgegeven,
        bekostigend_swv=bekostigend,  # empty: TLV.save() names it by the moving rules [002 L215-217]
        bekostiging_grond=grond,
    )


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    basis = schooljaar_begin(timezone.localdate()).year
    door = wereld.gebruikers["sll"]
    nieuw = 0
    with transaction.atomic():
        for d in TLVS:
            if Leerling.objects.filter(swv=wereld.swv, voornaam=d.voornaam, achternaam=d.achternaam).exists():
                continue
            _bouw_een(wereld, d, basis, door)
            nieuw += 1
    stdout.write(
        f"  TLV-register: {nieuw} afgegeven TLV's toegevoegd (sbo en so, verlopen, nog niet geplaatst)."
    )
