"""The decision (outcomes 6–9, a TLV-route for 9), closing after enrolment, and "zorgplicht geldt niet"."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cases.models import Gebruiker
from cases.services.inschrijving import schrijf_in
from cases.termijnen import bezwaartermijn_einde
from cases.termijnen import services as termijn_service
from zorgplicht import termijnen
from zorgplicht.models import (
    Aanmelding,
    NietVanToepassing,
    OndersteuningSoort,
    Status,
    TLVSoort,
    Uitkomst,
    is_sc_van_regio,
    mag_beslissen,
)
from zorgplicht.services.aanmelding import mag_aanmelden
from zorgplicht.services.basis import (
    ZorgplichtFout,
    _brief,
    _lock,
    _niet_in_toekomst,
    _overgang,
    _termijn,
    _vandaag,
)


@transaction.atomic
def neem_besluit(
    *,
    aanmelding: Aanmelding,
    door,
    uitkomst: int,
    toelichting: str,
    arrangement: str = "",
    sc: Gebruiker | None = None,
    tlv_soort: str = "",
    tlv_school_soort: str = "",
    op: date | None = None,
    request=None,
):
    """Record one of the outcomes 6–9 and send the besluit to the ouders [002 bijlage 2.2.1 stap 6–9]."""
    aanmelding = _lock(aanmelding)
    op = op or _vandaag()
    _niet_in_toekomst(op, "op", "datum van het besluit")
    if sc is not None and not is_sc_van_regio(aanmelding, sc):
        raise ZorgplichtFout({"sc": "Kies de steunpuntcoördinator van de regio van de school."})
    aanmelding.uitkomst = uitkomst
    aanmelding.besluit_toelichting = toelichting
    aanmelding.besluit_op = op
    if uitkomst == Uitkomst.GEPLAATST_EXTRA:
        aanmelding.arrangement, aanmelding.sc_akkoord = arrangement, sc
    if uitkomst == Uitkomst.TLV:
        aanmelding.tlv_soort, aanmelding.tlv_school_soort = tlv_soort, tlv_school_soort
    if uitkomst == Uitkomst.ANDERE_SCHOOL:
        gekozen = aanmelding.baobao_voorstellen.filter(gekozen_op__isnull=False).first()
        aanmelding.gekozen_school_id = gekozen.school_id if gekozen else None
    stand = termijnen.stand(aanmelding, op)
    _overgang(
        aanmelding,
        "besluit",
        door,
        "Het besluit vastleggen",
        request=request,
        omschrijving=f"besluit zorgplicht: uitkomst {uitkomst}",
    )
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.voldaan(
            termijn=termijn, op=op, reden=f"besluit: uitkomst {uitkomst}", door=door, request=request
        )
    tlv_id = _start_tlv(aanmelding, door, request) if uitkomst == Uitkomst.TLV else None
    if tlv_id:
        Aanmelding.objects.filter(pk=aanmelding.pk).update(tlv_aanvraag_id=tlv_id)
        aanmelding.tlv_aanvraag_id = tlv_id
    bestuur = aanmelding.school.bestuur
    _brief(
        aanmelding,
        soort="zorgplicht_besluit",
        onderwerp="Besluit over de aanmelding",
        door=door,
        bezwaar=bestuur.is_openbaar,
        context={
            "uitkomst": uitkomst,
            "uitkomst_tekst": Uitkomst(uitkomst).label,
            "toelichting": toelichting,
            "arrangement": aanmelding.arrangement,
            "sc_naam": sc.get_full_name() if sc else "",
            "gekozen_school": aanmelding.gekozen_school.naam if aanmelding.gekozen_school_id else "",
            "tlv_soort": aanmelding.get_tlv_soort_display() if aanmelding.tlv_soort else "",
            "tlv_school_soort": aanmelding.tlv_school_soort,
            "besluit_op": op,
            "binnen_termijn": op <= stand.einde,
            "termijn_einde": stand.einde,
            "openbaar": bestuur.is_openbaar,
            "bestuur_naam": bestuur.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(op),
            "bezwaar_aan": f"het bestuur van {bestuur.naam}",
            "bezwaar_adres": ", ".join(
                p for p in (aanmelding.school.adres, aanmelding.school.postcode_plaats) if p
            ),
        },
    )
    return aanmelding


def _start_tlv(aanmelding: Aanmelding, door, request=None) -> int | None:
    """Outcome 9 starts a concept TLV-aanvraag through the tlv app's public service: at onderinstroom
    the school of aanmelding applies, at zij-instroom the referring school [002 bijlage 2.2.1 stap 9;
    bijlage 3.11.1]. When the user has no role at the referring school, that school starts it."""
    from tlv.services import maak_aanvraag

    if aanmelding.tlv_soort == TLVSoort.ONDERINSTROOM:
        school = aanmelding.school
    else:
        school = aanmelding.leerling.huidige_school
    if school is None or not mag_aanmelden(door, school):
        return None
    aanvraag = maak_aanvraag(
        door=door,
        leerling=aanmelding.leerling,
        school=school,
        request=request,
        soort=aanmelding.tlv_soort,
        gevraagde_schoolsoort=aanmelding.tlv_school_soort,
        onderwijsbehoeften=", ".join(OndersteuningSoort(b).label for b in aanmelding.ondersteuningsbehoeften),
        waarom_niet_regulier=aanmelding.besluit_toelichting,
    )
    return aanvraag.pk


@transaction.atomic
def sluit_af(
    *,
    aanmelding: Aanmelding,
    door,
    ingeschreven_op: date | None = None,
    groep: int | None = None,
    request=None,
) -> Aanmelding:
    """Close after the placement: the leerling is enrolled at the school of the decision (6, 7: the
    school of aanmelding; 8: the school the ouders chose — only then does the zorgplicht pass)
    [002 bijlage 2.2.1 stap 8]; for 9 once the TLV-aanvraag exists."""
    aanmelding = _lock(aanmelding)
    if aanmelding.status != Status.BESLUIT:
        raise ZorgplichtFout(
            f"Afsluiten kan niet nu de aanmelding de status '{aanmelding.get_status_display()}' heeft."
        )
    if not mag_beslissen(aanmelding, door):
        raise PermissionDenied("Afsluiten: dat hoort niet bij uw rol voor deze aanmelding.")
    if aanmelding.uitkomst != Uitkomst.TLV:
        if ingeschreven_op is None:
            raise ZorgplichtFout({"ingeschreven_op": "Vul de datum van inschrijving in."})
        _niet_in_toekomst(ingeschreven_op, "ingeschreven_op", "datum van inschrijving")
        if ingeschreven_op < aanmelding.aanmelding_op:
            raise ZorgplichtFout({"ingeschreven_op": "De inschrijving ligt vóór de aanmelding."})
        school = (
            aanmelding.gekozen_school if aanmelding.uitkomst == Uitkomst.ANDERE_SCHOOL else aanmelding.school
        )
        schrijf_in(
            leerling=aanmelding.leerling,
            school=school,
            groep=groep,
            van=ingeschreven_op,
            tlv_veld="ingeschreven_op",
        )
        aanmelding.ingeschreven_school = school
        aanmelding.leerling.refresh_from_db()
    aanmelding.afgesloten_op = ingeschreven_op or _vandaag()
    _overgang(
        aanmelding,
        "sluit_af",
        door,
        "Afsluiten",
        request=request,
        omschrijving="zorgplichtaanmelding afgesloten",
    )
    return aanmelding


@transaction.atomic
def zorgplicht_geldt_niet(
    *,
    aanmelding: Aanmelding,
    door,
    reden: str,
    onderbouwing: str,
    capaciteit: int | None = None,
    aantal_ingeschreven: int | None = None,
    vol_voor_iedereen: bool = False,
    cluster_instelling: str = "",
    geadviseerd_niveau: str = "",
    request=None,
) -> Aanmelding:
    """Record why the zorgplicht does not apply, with its evidence [002 bijlage 2.2.1 stap 2]."""
    aanmelding = _lock(aanmelding)
    aanmelding.niet_van_toepassing_reden = reden
    aanmelding.niet_van_toepassing_onderbouwing = onderbouwing
    aanmelding.capaciteit = capaciteit
    aanmelding.aantal_ingeschreven = aantal_ingeschreven
    aanmelding.vol_voor_iedereen = vol_voor_iedereen
    aanmelding.cluster_instelling = cluster_instelling
    aanmelding.geadviseerd_niveau = geadviseerd_niveau
    _overgang(
        aanmelding,
        "zorgplicht_geldt_niet",
        door,
        "Vastleggen dat de zorgplicht niet geldt",
        request=request,
        omschrijving=f"zorgplicht niet van toepassing: {NietVanToepassing(reden).label}",
    )
    termijn = _termijn(aanmelding)
    if termijn is not None:
        termijn_service.stop(
            termijn=termijn,
            op=max(_vandaag(), aanmelding.aanmelding_op),
            reden=f"zorgplicht geldt niet: {NietVanToepassing(reden).label}",
            door=door,
            request=request,
        )
    bestuur = aanmelding.school.bestuur
    vandaag = _vandaag()
    _brief(
        aanmelding,
        soort="zorgplicht_niet_van_toepassing",
        onderwerp="Uw aanmelding: geen zorgplicht",
        door=door,
        bezwaar=bestuur.is_openbaar,
        context={
            "reden": reden,
            "reden_tekst": NietVanToepassing(reden).label,
            "onderbouwing": onderbouwing,
            "capaciteit": capaciteit,
            "aantal_ingeschreven": aantal_ingeschreven,
            "cluster_instelling": cluster_instelling,
            "geadviseerd_niveau": geadviseerd_niveau,
            "openbaar": bestuur.is_openbaar,
            "bestuur_naam": bestuur.naam,
            "bezwaar_termijn_einde": bezwaartermijn_einde(vandaag),
            "bezwaar_aan": f"het bestuur van {bestuur.naam}",
            "bezwaar_adres": ", ".join(
                p for p in (aanmelding.school.adres, aanmelding.school.postcode_plaats) if p
            ),
        },
    )
    return aanmelding
