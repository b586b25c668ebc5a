"""The one write path for arrangementen and their budget [002 bijlage 2.4.1; domain §9]."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from cases import termijnen as regels
from cases.interventie.models.arrangementen import (
    DUURREGELS,
    Arrangement,
    ArrangementBudget,
    ArrangementSoort,
)
from cases.interventie.models.traject import Interventietraject
from cases.models import Leerling, Regio, School
from cases.models.audit import AuditActie
from cases.models.rollen import RolSoort
from cases.scope import scope_for
from cases.services.audit import log


def mag_arrangementen_beheren(user, *, swv_id: int, regio_id: int | None) -> bool:
    """The SC of the regio, or the SWV's directeur-bestuurder or secretaresse leerlingenzaken."""
    scope = scope_for(user)
    if scope.alles:
        return True
    for r in scope.rollen:
        if r.swv_id != swv_id:
            continue
        if r.soort in (RolSoort.BESTUURDER, RolSoort.SLL) or (
            r.soort == RolSoort.SC and r.regio_id == regio_id
        ):
            return True
    return False


def controleer_duur(*, soort: str, start: date | None, einde: date | None) -> None:
    """Refuse, in Dutch, an end beyond the maximum duration (or a 'langdurige observatie' that is
    not longer than 3 months). A maximum is not a term: the Atw does not move it [domain §11]."""
    if start is None or einde is None:
        return
    if einde < start:
        raise ValidationError({"einde": "De einddatum ligt vóór de startdatum."})
    regel = DUURREGELS[soort]
    maximum = regel.max_einde(start)
    label = ArrangementSoort(soort).label
    if maximum is not None and einde > maximum:
        raise ValidationError(
            {
                "einde": (
                    f"Een {label} duurt {regel.omschrijving}: vanaf {regels.formatteer_datum(start)} uiterlijk t/m "  # noqa: E501
                    f"{regels.formatteer_datum(maximum)}. Kies een eerdere einddatum, of een ander arrangement "  # noqa: E501
                    "(bijvoorbeeld langdurige observatie)."
                )
            }
        )
    minimum = regel.min_einde(start)
    if minimum is not None and einde < minimum:
        raise ValidationError(
            {
                "einde": (
                    f"Een langdurige observatie duurt langer dan 3 maanden {regel.bron}: vanaf "
                    f"{regels.formatteer_datum(start)} eindigt zij op of na {regels.formatteer_datum(minimum)}. "  # noqa: E501
                    "Kies anders een observatie of time-out."
                )
            }
        )


def _controleer(
    *,
    soort,
    leerling,
    verwijzende_school,
    uitvoerende_school,
    start,
    einde,
    doel,
    ondersteuningsbehoefte,
    communicatieafspraken,
    bedrag,
    traject,
) -> None:
    fouten: dict[str, str] = {}
    if soort not in ArrangementSoort.values:
        raise ValidationError({"soort": "Kies een soort arrangement."})
    regel = DUURREGELS[soort]
    if verwijzende_school is None:
        fouten["leerling"] = "Deze leerling staat nergens ingeschreven: er is geen verwijzende school."
    if regel.elders and uitvoerende_school is None:
        fouten["uitvoerende_school"] = "Kies de school waar de leerling tijdelijk geplaatst wordt."
    if uitvoerende_school is not None and verwijzende_school is not None:
        if uitvoerende_school.swv_id != leerling.swv_id:
            fouten["uitvoerende_school"] = "Deze school hoort bij een ander samenwerkingsverband."
        elif regel.elders and uitvoerende_school.pk == verwijzende_school.pk:
            fouten["uitvoerende_school"] = "Bij dit arrangement gaat de leerling naar een andere school."
    for veld, waarde, tekst in (
        ("doel", doel, "Het plan van aanpak beschrijft het doel [002 bijlage 2.4.1]."),
        (
            "ondersteuningsbehoefte",
            ondersteuningsbehoefte,
            "Het plan van aanpak beschrijft de ondersteuningsbehoefte van de leerling [002 bijlage 2.4.1].",
        ),
        (
            "communicatieafspraken",
            communicatieafspraken,
            "Het plan van aanpak beschrijft de communicatieafspraken [002 bijlage 2.4.1].",
        ),
    ):
        if not (waarde or "").strip():
            fouten[veld] = tekst
    if start is None:
        fouten["start"] = "Vul de startdatum in."
    if einde is None:
        fouten["einde"] = "Vul de einddatum in: de duur van de plaatsing hoort in het plan van aanpak."
    if soort == ArrangementSoort.HGO_MIDDELEN:
        if bedrag is None or bedrag <= 0:
            fouten["bedrag"] = "Vul het bedrag in euro's in (meer dan € 0)."
    elif bedrag is not None:
        fouten["bedrag"] = "Alleen een HGO-arrangement deskundigheid en middelen heeft een bedrag."
    if traject is not None and traject.leerling_id != leerling.pk:
        fouten["traject"] = "Dit interventietraject hoort bij een andere leerling."
    if fouten:
        raise ValidationError(fouten)
    controleer_duur(soort=soort, start=start, einde=einde)


@transaction.atomic
def maak_arrangement(
    *,
    leerling: Leerling,
    soort: str,
    start: date | None,
    einde: date | None,
    doel: str,
    ondersteuningsbehoefte: str,
    communicatieafspraken: str,
    door,
    uitvoerende_school: School | None = None,
    bedrag: Decimal | None = None,
    traject: Interventietraject | None = None,
    request=None,
) -> Arrangement:
    """An arrangement with its plan van aanpak; the referring bestuur stays responsible [002 bijlage 2.4.1]."""  # noqa: E501
    leerling = (
        Leerling.objects.select_for_update(of=("self",))
        .select_related("huidige_school__bestuur")
        .get(pk=leerling.pk)
    )
    verwijzend = leerling.huidige_school
    if verwijzend is not None and not mag_arrangementen_beheren(
        door, swv_id=leerling.swv_id, regio_id=verwijzend.regio_id
    ):
        raise PermissionDenied(
            "Arrangementen legt de steunpuntcoördinator van de regio, de secretaresse leerlingenzaken of de "
            "directeur-bestuurder vast."
        )
    regel = DUURREGELS.get(soort)
    if regel is not None and not regel.elders:
        uitvoerende_school = None  # an HGO-arrangement runs at the pupil's own school
    _controleer(
        soort=soort,
        leerling=leerling,
        verwijzende_school=verwijzend,
        uitvoerende_school=uitvoerende_school,
        start=start,
        einde=einde,
        doel=doel,
        ondersteuningsbehoefte=ondersteuningsbehoefte,
        communicatieafspraken=communicatieafspraken,
        bedrag=bedrag,
        traject=traject,
    )
    arr = Arrangement.objects.create(
        swv_id=leerling.swv_id,
        leerling=leerling,
        traject=traject,
        soort=soort,
        verwijzende_school=verwijzend,
        verantwoordelijk_bestuur=verwijzend.bestuur,
        regio_id=verwijzend.regio_id,
        uitvoerende_school=uitvoerende_school,
        start=start,
        einde=einde,
        doel=doel.strip(),
        ondersteuningsbehoefte=ondersteuningsbehoefte.strip(),
        communicatieafspraken=communicatieafspraken.strip(),
        bedrag=bedrag if soort == ArrangementSoort.HGO_MIDDELEN else None,
        aangemaakt_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=arr,
        leerling=leerling,
        omschrijving=f"Arrangement {arr.get_soort_display()} vastgelegd",
    )
    return arr


@transaction.atomic
def wijzig_einde(*, arrangement: Arrangement, einde: date | None, door, request=None) -> Arrangement:
    """Extend or shorten; an end beyond the maximum is refused [002 bijlage 2.4.1]."""
    arr = Arrangement.objects.select_for_update().get(pk=arrangement.pk)
    if not mag_arrangementen_beheren(door, swv_id=arr.swv_id, regio_id=arr.regio_id):
        raise PermissionDenied("U mag dit arrangement niet wijzigen.")
    if einde is None:
        raise ValidationError({"einde": "Vul de einddatum in."})
    controleer_duur(soort=arr.soort, start=arr.start, einde=einde)
    oud = arr.einde
    arr.einde = einde
    arr.save(update_fields=["einde"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=arr,
        leerling=arr.leerling,
        omschrijving=f"Einddatum arrangement gewijzigd van {oud.isoformat()} naar {einde.isoformat()}",
    )
    return arr


@transaction.atomic
def stel_budget_in(*, regio: Regio, jaar: int, bedrag: Decimal, door, request=None) -> ArrangementBudget:
    """The budget for HGO-arrangementen (deskundigheid en middelen) of a regio for a calendar year."""
    scope = scope_for(door)
    if not (
        scope.alles
        or any(
            r.soort in (RolSoort.BESTUURDER, RolSoort.SLL) and r.swv_id == regio.swv_id for r in scope.rollen
        )
    ):
        raise PermissionDenied(
            "Het budget stelt de directeur-bestuurder of de secretaresse leerlingenzaken vast."
        )
    if bedrag is None or bedrag < 0:
        raise ValidationError({"bedrag": "Het budget is € 0 of meer."})
    if not 2000 <= jaar <= 2100:
        raise ValidationError({"jaar": "Vul een jaartal in, bijvoorbeeld 2026."})
    budget, _ = ArrangementBudget.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"swv_id": regio.swv_id, "bedrag": bedrag}
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=budget,
        swv=regio.swv,
        omschrijving=f"Budget HGO-arrangementen {jaar} vastgesteld",
    )
    return budget
