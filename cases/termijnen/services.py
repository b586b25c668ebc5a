"""The one write path for legal terms [domain §11]. Other apps call these functions; they never
write Termijn or Opschorting rows themselves.

Every function that records an event (start, suspension, resumption, extension) recomputes the
denormalised `einde` and `opgeschort_tot` from all stored events through cases/termijnen/rekenen.py, in the
same transaction, with the term locked (select_for_update).
"""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases import termijnen as regels
from cases.models.audit import AuditActie
from cases.models.leerling import Leerling
from cases.services.audit import log
from cases.termijnen.models.termijnen import (
    OPEN_STATUSSEN,
    SOORTEN,
    VERANTWOORDELIJKE_ROLLEN,
    Opschorting,
    Termijn,
    TermijnStatus,
)
from cases.workflow import vergrendel

fd = regels.formatteer_datum


def _rollen_veld(rollen) -> str:
    rollen = [str(r) for r in rollen]
    onbekend = sorted(set(rollen) - {str(r) for r in VERANTWOORDELIJKE_ROLLEN})
    if onbekend:
        raise ValidationError(
            f"Deze rol kan niet verantwoordelijk zijn voor een termijn: {', '.join(onbekend)}. "
            "Een deskundige krijgt toegang per zaak, niet per rol."
        )
    return f",{','.join(dict.fromkeys(rollen))}," if rollen else ""


def _herbereken(termijn: Termijn) -> None:
    """Recompute the denormalised columns from the stored events (the single place that does)."""
    open_ = [o for o in termijn.opschortingen.all() if o.ontvangst is None]
    termijn.opgeschort_tot = max((o.uiterlijk for o in open_), default=None)
    if hasattr(termijn, "_berekening"):
        del termijn._berekening
    termijn.einde = termijn.bereken().einde
    if termijn.status == TermijnStatus.VERLOPEN and termijn.actuele_status() == TermijnStatus.LOPEND:
        termijn.status = TermijnStatus.LOPEND


def _vereis_open(termijn: Termijn, wat: str) -> None:
    if termijn.status not in OPEN_STATUSSEN:
        raise ValidationError(f"Deze termijn is {termijn.get_status_display()}: {wat} kan niet meer.")


@transaction.atomic
def start_termijn(
    *,
    soort: str,
    start: date,
    swv=None,
    zaak=None,
    school=None,
    leerling=None,
    weken: int | None = None,
    dagen: int | None = None,
    werkdagen: int | None = None,
    atw: bool | None = None,
    basis: str | None = None,
    start_omschrijving: str | None = None,
    rollen=None,
    verantwoordelijke=None,
    omschrijving: str = "",
    door=None,
    request=None,
) -> Termijn:
    """Start a term of `soort` on `start` (the event day D; the term begins the day after).

    Defaults (weeks, basis, Atw, responsible roles) come from the registered SoortDefinitie; an
    unregistered soort must pass them explicitly. `zaak` is the case object (any model); `swv`
    defaults to the case's, `school` and `leerling` to the case's when it has them.
    """
    definitie = SOORTEN.get(soort)
    if definitie is None and (basis is None or (weken, dagen, werkdagen) == (None, None, None)):
        raise ValidationError(f"Onbekende termijnsoort {soort!r}: geef grondslag en duur op.")
    swv = swv or getattr(zaak, "swv", None)
    if swv is None:
        raise ValidationError("Een termijn hoort bij een samenwerkingsverband.")
    school = school or getattr(zaak, "school", None)
    leerling = leerling or (zaak if isinstance(zaak, Leerling) else getattr(zaak, "leerling", None))
    for naam, obj in (("school", school), ("leerling", leerling)):
        if obj is not None and obj.swv_id != swv.pk:
            raise ValidationError(f"De {naam} hoort bij een ander samenwerkingsverband dan de termijn.")

    def standaard(waarde, veld, leeg):
        if waarde is not None:
            return waarde
        return getattr(definitie, veld) if definitie is not None else leeg

    termijn = Termijn(
        swv=swv,
        school=school,
        leerling=leerling,
        content_type=ContentType.objects.get_for_model(zaak) if zaak is not None else None,
        object_id=zaak.pk if zaak is not None else None,
        soort=soort,
        omschrijving=omschrijving,
        basis=standaard(basis, "basis", ""),
        start_omschrijving=standaard(start_omschrijving, "start_omschrijving", "de startdatum"),
        start=start,
        weken=standaard(weken, "weken", 0),
        dagen=standaard(dagen, "dagen", 0),
        werkdagen=standaard(werkdagen, "werkdagen", 0),
        atw=standaard(atw, "atw", True),
        verantwoordelijken=_rollen_veld(standaard(rollen, "rollen", ())),
        verantwoordelijke=verantwoordelijke,
    )
    if termijn.werkdagen and (termijn.weken or termijn.dagen):
        raise ValidationError("Een termijn telt in werkdagen óf in weken en dagen, niet beide.")
    if not (termijn.werkdagen or termijn.weken or termijn.dagen):
        raise ValidationError("Een termijn heeft een duur van minstens één dag.")
    termijn.einde = termijn.bereken().einde
    termijn.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=termijn,
        leerling=leerling,
        omschrijving=f"{termijn.soort_label} gestart op {fd(start)}, laatste dag {fd(termijn.einde)}",
    )
    return termijn


@transaction.atomic
def schort_op(
    *,
    termijn: Termijn,
    verzoek: date,
    uiterlijk: date | None,
    omschrijving: str = "",
    door=None,
    request=None,
) -> Opschorting:
    """Record a request for information that suspends the term (Awb 4:15 lid 1 onder a).

    Only a request with a set answer period suspends [domain §11]; the SWV sets a reasonable one.
    """
    termijn = vergrendel(termijn, prefetch_related=("opschortingen",))
    _vereis_open(termijn, "opschorten")
    definitie = termijn.definitie
    if definitie is not None and not definitie.opschortbaar:
        raise ValidationError(f"De {definitie.label.lower()} kan niet worden opgeschort.")
    if uiterlijk is None:
        raise ValidationError(
            {
                "uiterlijk": "Een verzoek om informatie schort de termijn alleen op als er een termijn "
                "voor het antwoord is gesteld (art. 4:15 Awb). Vul in tot wanneer de informatie kan "
                "worden aangeleverd."
            }
        )
    if verzoek < termijn.start:
        raise ValidationError({"verzoek": "Het verzoek ligt vóór het begin van de termijn."})
    if verzoek > termijn.einde:
        raise ValidationError(
            {
                "verzoek": f"De termijn eindigde op {fd(termijn.einde)}; een later verzoek schort niets "
                "meer op."
            }
        )
    if uiterlijk < verzoek:
        raise ValidationError({"uiterlijk": "De antwoorddatum ligt vóór de datum van het verzoek."})
    opschorting = Opschorting.objects.create(
        termijn=termijn, verzoek=verzoek, uiterlijk=uiterlijk, omschrijving=omschrijving, aangemaakt_door=door
    )
    termijn = vergrendel(termijn, prefetch_related=("opschortingen",))
    _herbereken(termijn)
    termijn.save(update_fields=["einde", "opgeschort_tot", "status", "gewijzigd_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=termijn,
        leerling=termijn.leerling,
        omschrijving=f"opgeschort vanaf {fd(verzoek)}, antwoord uiterlijk {fd(uiterlijk)}",
    )
    return opschorting


@transaction.atomic
def hervat(*, opschorting: Opschorting, ontvangst: date, door=None, request=None) -> Termijn:
    """Record receipt of the requested information: the term runs again (Awb 4:15)."""
    termijn = vergrendel(opschorting.termijn, prefetch_related=("opschortingen",))
    opschorting = vergrendel(opschorting)
    if opschorting.ontvangst is not None:
        raise ValidationError(
            f"De ontvangst van deze informatie is al vastgelegd ({fd(opschorting.ontvangst)})."
        )
    if ontvangst < opschorting.verzoek:
        raise ValidationError({"ontvangst": "De ontvangst ligt vóór het verzoek om informatie."})
    if ontvangst > timezone.localdate():
        raise ValidationError({"ontvangst": "De datum van ontvangst ligt in de toekomst."})
    opschorting.ontvangst = ontvangst
    opschorting.save(update_fields=["ontvangst"])
    termijn = vergrendel(termijn, prefetch_related=("opschortingen",))
    _herbereken(termijn)
    termijn.save(update_fields=["einde", "opgeschort_tot", "status", "gewijzigd_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=termijn,
        leerling=termijn.leerling,
        omschrijving=f"informatie ontvangen op {fd(ontvangst)}, laatste dag nu {fd(termijn.einde)}",
    )
    return termijn


@transaction.atomic
def verleng(*, termijn: Termijn, weken: int, op: date, reden: str, door=None, request=None) -> Termijn:
    """Extend the term once, announced in writing with reasons before it ends [domain §11].

    Zorgplicht: at most 4 weeks, counted from the aanmelding (D + 70), not from the moved end.
    Beslistermijn op bezwaar: at most 6 weeks (Awb 7:10 lid 3). TLV: a new reasonable term
    (Awb 4:14 lid 3).
    """
    termijn = vergrendel(termijn, prefetch_related=("opschortingen",))
    _vereis_open(termijn, "verlengen")
    definitie = termijn.definitie
    maximum = definitie.max_verlenging_weken if definitie is not None else None
    if termijn.verlenging_weken:
        raise ValidationError(
            f"Deze termijn is al verlengd op {fd(termijn.verlengd_op)}; dat kan maar één keer."
        )
    if maximum == 0:
        raise ValidationError(f"De {termijn.soort_label.lower()} kan niet worden verlengd.")
    if weken < 1 or (maximum is not None and weken > maximum):
        grens = f"1 tot en met {maximum}" if maximum is not None else "minstens 1"
        raise ValidationError({"weken": f"De verlenging is {grens} weken."})
    if op > termijn.einde:
        raise ValidationError(
            {
                "op": f"Verlengen moet vóór het einde van de termijn ({fd(termijn.einde)}) schriftelijk "
                "worden meegedeeld; daarna kan het niet meer."
            }
        )
    if not reden.strip():
        raise ValidationError({"reden": "Een verlenging wordt gemotiveerd: geef de reden op."})
    termijn.verlenging_weken = weken
    termijn.verlengd_op = op
    termijn.verlenging_reden = reden.strip()
    _herbereken(termijn)
    termijn.save(
        update_fields=[
            "verlenging_weken",
            "verlengd_op",
            "verlenging_reden",
            "einde",
            "status",
            "gewijzigd_op",
        ]
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=termijn,
        leerling=termijn.leerling,
        omschrijving=f"verlengd met {weken} weken, laatste dag nu {fd(termijn.einde)}",
    )
    return termijn


def _rond_af(termijn: Termijn, status: str, op: date, reden: str, door, request) -> Termijn:
    termijn = vergrendel(termijn, prefetch_related=("opschortingen",))
    _vereis_open(termijn, "afronden")
    if op < termijn.start:
        raise ValidationError({"op": "Deze datum ligt vóór het begin van de termijn."})
    if op > timezone.localdate():
        raise ValidationError({"op": "Deze datum ligt in de toekomst."})
    termijn.status = status
    termijn.afgerond_op = op
    termijn.afronding_reden = reden
    termijn.save(update_fields=["status", "afgerond_op", "afronding_reden", "gewijzigd_op"])
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=termijn,
        leerling=termijn.leerling,
        omschrijving=f"termijn {termijn.get_status_display()} op {fd(op)}",
    )
    return termijn


@transaction.atomic
def voldaan(*, termijn: Termijn, op: date, reden: str = "", door=None, request=None) -> Termijn:
    """The obligation was met (decision taken, letter sent) on `op`; `op_tijd` says if in time."""
    return _rond_af(termijn, TermijnStatus.VOLDAAN, op, reden, door, request)


@transaction.atomic
def stop(*, termijn: Termijn, op: date, reden: str, door=None, request=None) -> Termijn:
    """The term no longer applies (aanvraag withdrawn, zorgplicht moved to another school)."""
    if not reden.strip():
        raise ValidationError({"reden": "Geef op waarom de termijn niet meer loopt."})
    return _rond_af(termijn, TermijnStatus.GESTOPT, op, reden.strip(), door, request)
