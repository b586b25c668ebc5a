"""Registering a written aanmelding: the leerling, the ouders, the term and the ontvangstbevestiging."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cases.models import Leerling, Ouder, School
from cases.models.audit import AuditActie
from cases.models.rollen import SCHOOLLEIDING
from cases.scope import scope_for
from cases.services.audit import log
from cases.termijnen import services as termijn_service
from zorgplicht import termijnen
from zorgplicht.models import Aanmelding, OndersteuningSoort
from zorgplicht.services.basis import ZorgplichtFout, _brief, _niet_in_toekomst, _vandaag

LEERLING_VELDEN = (
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "woonplaats",
    "bsn",
)
OUDER_VELDEN = (
    "naam",
    "relatie",
    "gezag",
    "ontvangt_brieven",
    "adres",
    "postcode_plaats",
    "telefoon",
    "email",
)


def mag_aanmelden(user, school: School) -> bool:
    """Directeur or IB'er of the school of aanmelding registers [002 bijlage 2.2.1 stap 1]."""
    scope = scope_for(user)
    return scope.alles or any(r.soort in SCHOOLLEIDING and r.school_id == school.pk for r in scope.rollen)


def _maak_leerling(*, school: School, gegevens: dict, ouders: Iterable[dict]) -> Leerling:
    leerling = Leerling(swv_id=school.swv_id, **{k: gegevens[k] for k in LEERLING_VELDEN if k in gegevens})
    leerling.full_clean(exclude=["swv"])
    leerling.save()
    ouders = [o for o in ouders if o and o.get("naam")]
    if not ouders:
        raise ZorgplichtFout(
            "Leg ten minste één ouder/verzorger vast: de school houdt de ouders schriftelijk op de hoogte."
        )
    for gegevens_ouder in ouders:
        ouder = Ouder(leerling=leerling, **{k: v for k, v in gegevens_ouder.items() if k in OUDER_VELDEN})
        ouder.full_clean()
        ouder.save()
    return leerling


@transaction.atomic
def registreer_aanmelding(
    *,
    door,
    school: School,
    aanmelding_op: date,
    extra_ondersteuning_vermoed: bool,
    leerling: Leerling | None = None,
    nieuwe_leerling: dict | None = None,
    ouders: Iterable[dict] = (),
    ondersteuningsbehoeften: Iterable[str] = (),
    andere_scholen: str = "",
    toelichting: str = "",
    zij_instroom: bool = False,
    request=None,
) -> Aanmelding:
    """Register a written aanmelding; the ontvangstbevestiging with the term goes to the ouders."""
    if not mag_aanmelden(door, school):
        raise PermissionDenied(
            "Alleen de directeur of intern begeleider van de school van aanmelding kan aanmelden."
        )
    _niet_in_toekomst(aanmelding_op, "aanmelding_op", "datum van de aanmelding")
    if not extra_ondersteuning_vermoed:
        raise ZorgplichtFout(
            {
                "extra_ondersteuning_vermoed": "Zorgplicht geldt alleen als de leerling (vermoedelijk) extra "
                "ondersteuning nodig heeft [002 bijlage 2.2.1 stap 2]. Zonder dat vermoeden volgt de school haar "  # noqa: E501
                "gewone toelatingsprocedure."
            }
        )
    onbekend = set(ondersteuningsbehoeften) - set(OndersteuningSoort.values)
    if onbekend:
        raise ZorgplichtFout({"ondersteuningsbehoeften": "Onbekende soort ondersteuning gekozen."})
    if (leerling is None) == (nieuwe_leerling is None):
        raise ZorgplichtFout(
            "Kies een bestaande leerling (zij-instroom) óf vul de gegevens van een nieuwe leerling in."
        )
    bsn = (nieuwe_leerling or {}).get("bsn", "")
    if bsn:
        # A pupil already known in the SWV (e.g. at another school, invisible to this school) is
        # found by BSN and date of birth together; nothing about that pupil is shown on a mismatch.
        bekend = Leerling.objects.filter(swv_id=school.swv_id, bsn=bsn).first()
        if bekend is not None:
            if bekend.geboortedatum != nieuwe_leerling.get("geboortedatum"):
                raise ZorgplichtFout(
                    {
                        "bsn": "Dit BSN of onderwijsnummer hoort in dit samenwerkingsverband bij een leerling met een "  # noqa: E501
                        "andere geboortedatum. Controleer beide gegevens."
                    }
                )
            leerling, nieuwe_leerling = bekend, None
            ouders = [o for o in ouders if o and o.get("naam")] if not bekend.ouders.exists() else []
    if leerling is not None:
        leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
        if leerling.swv_id != school.swv_id:
            raise ZorgplichtFout("Deze leerling hoort bij een ander samenwerkingsverband.")
        if leerling.huidige_school_id == school.pk:
            raise ZorgplichtFout(
                "Deze leerling staat al ingeschreven op deze school; dat is geen nieuwe aanmelding."
            )
        if leerling.huidige_school_id is not None:
            zij_instroom = True
        if Aanmelding.objects.filter(leerling=leerling, school=school).lopend().exists():
            raise ZorgplichtFout("Voor deze leerling loopt al een aanmelding bij deze school.")
        for gegevens_ouder in ouders:  # a known pupil without ouders on file gets the ones given now
            ouder = Ouder(leerling=leerling, **{k: v for k, v in gegevens_ouder.items() if k in OUDER_VELDEN})
            ouder.full_clean()
            ouder.save()
    geboortedatum = leerling.geboortedatum if leerling else nieuwe_leerling.get("geboortedatum")
    if geboortedatum is None:
        raise ZorgplichtFout({"geboortedatum": "Vul de geboortedatum in."})
    leeftijd = (
        aanmelding_op.year
        - geboortedatum.year
        - ((aanmelding_op.month, aanmelding_op.day) < (geboortedatum.month, geboortedatum.day))
    )
    if leeftijd < 3:
        raise ZorgplichtFout(
            {
                "aanmelding_op": "Aanmelden kan vanaf de leeftijd van 3 jaar; een jonger kind kan op de wachtlijst, "  # noqa: E501
                "maar de zorgplicht begint pas met een aanmelding vanaf 3 jaar [002 bijlage 2.2.1 stap 1]."
            }
        )
    if leerling is None:
        leerling = _maak_leerling(school=school, gegevens=nieuwe_leerling, ouders=ouders)
        log(
            actie=AuditActie.AANGEMAAKT,
            request=request,
            user=door,
            obj=leerling,
            leerling=leerling,
            omschrijving="leerling aangemaakt bij zorgplichtaanmelding",
        )
    aanmelding = Aanmelding.objects.create(
        swv_id=school.swv_id,
        school=school,
        leerling=leerling,
        aanmelding_op=aanmelding_op,
        zij_instroom=zij_instroom,
        extra_ondersteuning_vermoed=True,
        ondersteuningsbehoeften=sorted(set(ondersteuningsbehoeften)),
        andere_scholen=andere_scholen,
        toelichting=toelichting,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=aanmelding,
        leerling=leerling,
        omschrijving="zorgplichtaanmelding geregistreerd",
    )
    from cases.termijnen.models.termijnen import TermijnSoort

    termijn_service.start_termijn(
        soort=TermijnSoort.ZORGPLICHT,
        start=aanmelding_op,
        zaak=aanmelding,
        door=door,
        request=request,
        omschrijving=f"Zorgplicht {school.naam}",
    )
    zes = termijnen.zes_weken(aanmelding, _vandaag())
    _brief(
        aanmelding,
        soort="zorgplicht_ontvangstbevestiging",
        onderwerp="Ontvangstbevestiging aanmelding",
        door=door,
        context={
            "zes_weken_einde": zes.einde,
            "tien_weken_einde": termijnen.tien_weken(aanmelding, _vandaag()).einde,
            "uitleg": list(zes.uitleg[1:]),  # without the Grondslag line: ouders get it in words
        },
    )
    return aanmelding
