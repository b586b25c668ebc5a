"""Reads for interventietrajecten and arrangementen. Rows come only through filter_for_user; lists
cost a constant number of queries whatever their length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Min, OuterRef, Prefetch, Q, Subquery, Sum, When
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from cases.interventie.models.arrangementen import Arrangement, ArrangementBudget, ArrangementSoort
from cases.interventie.models.traject import (
    Aanleiding,
    BijeenkomstStatus,
    InterventieAfspraak,
    InterventieBijeenkomst,
    InterventiePlaatsing,
    InterventieTeamlid,
    Interventietraject,
    PlaatsingUitkomst,
    TrajectStatus,
)
from cases.models import Regio
from cases.termijnen import formatteer_datum
from cases.tijdlijn import TijdlijnItem

STAND_LABELS = {
    "op_tijd": ("groen", "eerste bijeenkomst op tijd"),
    "te_laat": ("rood", "eerste bijeenkomst te laat gehouden"),
    "verlopen": ("rood", "eerste bijeenkomst te laat: nog niet gehouden"),
    "gepland_te_laat": ("rood", "eerste bijeenkomst gepland na de termijn"),
    "open": ("oranje", "eerste bijeenkomst nog te houden"),
}


def _met_termijnen(qs):
    return qs.annotate(
        eerste_gehouden=Min(
            "bijeenkomsten__datum", filter=Q(bijeenkomsten__status=BijeenkomstStatus.GEHOUDEN)
        ),
        eerste_gepland=Min("bijeenkomsten__datum"),
    )


def stand_van(traject: Interventietraject, vandaag: date | None = None) -> dict:
    """The one-week norm as a page shows it: label colour, text and the computation."""
    stand = traject.eerste_bijeenkomst_stand(
        eerste_gehouden=traject.eerste_gehouden, eerste_gepland=traject.eerste_gepland, vandaag=vandaag
    )
    kleur, tekst = STAND_LABELS[stand]
    return {"code": stand, "kleur": kleur, "tekst": tekst, "berekening": traject.eerste_bijeenkomst_termijn}


def trajecten_voor(user, *, status: str | None = None):
    """The list page: open trajecten first; annotated with the first meeting dates (no N+1)."""
    qs = Interventietraject.objects.filter_for_user(user)
    if status:
        qs = qs.filter(status=status)
    qs = (
        _met_termijnen(qs)
        .select_related("leerling", "school", "casusmanager")
        .annotate(
            open_afspraken=Count("afspraken", filter=Q(afspraken__afgerond_op__isnull=True), distinct=True)
        )
    )
    qs = qs.annotate(
        is_afgesloten=Case(
            When(status=TrajectStatus.AFGESLOTEN, then=1), default=0, output_field=IntegerField()
        )
    )
    rijen = list(qs.order_by("is_afgesloten", "-gemeld_op", "-pk"))
    for t in rijen:
        t.stand = stand_van(t)
    return rijen


def traject_voor(user, pk: int) -> Interventietraject:
    """One traject with everything the detail page shows, in a fixed number of queries."""
    qs = (
        _met_termijnen(Interventietraject.objects.filter_for_user(user))
        .select_related("leerling", "school__bestuur", "school__regio", "casusmanager", "gemeld_door")
        .prefetch_related(
            Prefetch("teamleden", queryset=InterventieTeamlid.objects.select_related("gebruiker")),
            Prefetch("bijeenkomsten", queryset=InterventieBijeenkomst.objects.order_by("datum", "pk")),
            Prefetch(
                "afspraken",
                queryset=InterventieAfspraak.objects.select_related(
                    "eigenaar", "bewaker", "bijeenkomst"
                ).order_by("afgerond_op", "uiterlijk", "pk"),
            ),
            Prefetch(
                "plaatsingen",
                queryset=InterventiePlaatsing.objects.select_related("school").order_by(
                    "aangemaakt_op", "pk"
                ),
            ),
            Prefetch("arrangementen", queryset=Arrangement.objects.select_related("uitvoerende_school")),
        )
    )
    traject = get_object_or_404(qs, pk=pk)
    traject.stand = stand_van(traject)
    return traject


def trajecten_voor_keuze(user):
    """Open trajecten the user may link an arrangement to."""
    return Interventietraject.objects.filter_for_user(user).open()


def bijeenkomst_voor(user, pk: int) -> InterventieBijeenkomst:
    return get_object_or_404(
        InterventieBijeenkomst.objects.filter_for_user(user).select_related(
            "traject__leerling", "traject__school"
        ),
        pk=pk,
    )


def plaatsing_voor(user, pk: int) -> InterventiePlaatsing:
    return get_object_or_404(
        InterventiePlaatsing.objects.filter_for_user(user).select_related(
            "traject__leerling", "traject__school", "school"
        ),
        pk=pk,
    )


def afspraak_voor(user, pk: int) -> InterventieAfspraak:
    return get_object_or_404(
        InterventieAfspraak.objects.filter_for_user(user).select_related("traject"), pk=pk
    )


def mijn_afspraken(user):
    """Open agreements the user owns, and overdue ones the user guards (for "Mijn werk")."""
    vandaag = timezone.localdate()
    return list(
        InterventieAfspraak.objects.filter_for_user(user)
        .open()
        .filter(Q(eigenaar_id=user.pk) | Q(bewaker_id=user.pk, uiterlijk__lt=vandaag))
        .select_related("traject__leerling", "eigenaar", "bewaker")
        .order_by("uiterlijk", "pk")
    )


def nieuwe_meldingen(user):
    """Trajecten waiting for the SWV's directeur to compose the team (prompts included)."""
    qs = _met_termijnen(
        Interventietraject.objects.filter_for_user(user).filter(status=TrajectStatus.AANGEMELD)
    ).select_related("leerling", "school")
    rijen = list(qs.order_by("gemeld_op", "pk"))
    for t in rijen:
        t.stand = stand_van(t)
    return rijen


def als_casusmanager(user):
    """Open trajecten the user manages, with the first-meeting norm."""
    qs = _met_termijnen(
        Interventietraject.objects.filter_for_user(user).open().filter(casusmanager_id=user.pk)
    ).select_related("leerling")
    rijen = list(qs.order_by("gemeld_op", "pk"))
    for t in rijen:
        t.stand = stand_van(t)
    return rijen


def afgesloten_overzicht(user):
    """Closed trajecten and their outcomes for the SWV: aanleiding, duration, the last placement
    step and its outcome, and the oplossing [000, randvoorwaarden]."""
    laatste = (
        InterventiePlaatsing.objects.filter(traject=OuterRef("pk"))
        .exclude(uitkomst=PlaatsingUitkomst.OVERGESLAGEN)
        .order_by("-aangemaakt_op", "-pk")
    )
    qs = (
        Interventietraject.objects.filter_for_user(user)
        .filter(status=TrajectStatus.AFGESLOTEN)
        .select_related("leerling", "school")
        .annotate(
            laatste_stap=Subquery(laatste.values("stap")[:1]),
            laatste_uitkomst=Subquery(laatste.values("uitkomst")[:1]),
            aantal_bijeenkomsten=Count("bijeenkomsten", distinct=True),
        )
        .order_by("-afgesloten_op", "-pk")
    )
    return list(qs)


# --- arrangementen -------------------------------------------------------------------------------


def arrangementen_voor(user, *, soort: str | None = None):
    qs = Arrangement.objects.filter_for_user(user)
    if soort:
        qs = qs.filter(soort=soort)
    return list(
        qs.select_related(
            "leerling", "verwijzende_school", "uitvoerende_school", "verantwoordelijk_bestuur", "regio"
        ).order_by("-start", "-pk")
    )


def arrangement_voor(user, pk: int) -> Arrangement:
    return get_object_or_404(
        Arrangement.objects.filter_for_user(user).select_related(
            "leerling",
            "verwijzende_school",
            "uitvoerende_school",
            "verantwoordelijk_bestuur",
            "regio",
            "traject",
        ),
        pk=pk,
    )


@dataclass
class BudgetRegel:
    regio: str
    regio_id: int
    budget: Decimal | None
    besteed: Decimal
    aantal: int

    @property
    def over(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.besteed

    @property
    def overschreden(self) -> bool:
        return self.budget is not None and self.besteed > self.budget

    @property
    def tekort(self) -> Decimal | None:
        """By how much the budget is exceeded (a positive amount), if it is."""
        return self.besteed - self.budget if self.overschreden else None


def budget_overzicht(user, *, jaar: int) -> list[BudgetRegel]:
    """Budget and amount committed per regio for HGO-arrangementen (deskundigheid en middelen)
    starting in `jaar`; the SC sees her regio, SWV roles every regio. Three queries."""
    regios = {
        r.pk: r.naam
        for r in Regio.objects.filter_for_user(user).filter(
            Q(pk__in=ArrangementBudget.objects.filter_for_user(user).values("regio_id"))
            | Q(pk__in=Arrangement.objects.filter_for_user(user).values("regio_id"))
            | Q(pk__in=_eigen_regios(user))
        )
    }
    budgetten = {
        b.regio_id: b.bedrag for b in ArrangementBudget.objects.filter_for_user(user).filter(jaar=jaar)
    }
    besteed = {
        r["regio_id"]: (r["som"] or Decimal("0"), r["aantal"])
        for r in Arrangement.objects.filter_for_user(user)
        .filter(soort=ArrangementSoort.HGO_MIDDELEN, start__year=jaar)
        .values("regio_id")
        .annotate(som=Sum("bedrag"), aantal=Count("pk"))
    }
    return [
        BudgetRegel(
            regio=naam,
            regio_id=pk,
            budget=budgetten.get(pk),
            besteed=besteed.get(pk, (Decimal("0"), 0))[0],
            aantal=besteed.get(pk, (Decimal("0"), 0))[1],
        )
        for pk, naam in sorted(regios.items(), key=lambda kv: kv[1])
    ]


def _eigen_regios(user) -> list[int]:
    from cases.scope import scope_for

    scope = scope_for(user)
    return list(scope.regio_ids)


def arrangementen_bij_maximum(user):
    """Running arrangementen whose maximum or guide duration is near (for "Mijn werk")."""
    vandaag = timezone.localdate()
    rijen = (
        Arrangement.objects.filter_for_user(user)
        .filter(start__lte=vandaag, einde__gte=vandaag)
        .select_related("leerling", "uitvoerende_school")
    )
    return [a for a in rijen if a.waarschuwing(vandaag)]


# --- the dossier timeline [cases/tijdlijn.py] ---------------------------------------------------------


def traject_items(leerling_ids, *, user):
    """The melding and the closing of each interventietraject the user may open; one query."""
    rijen = (
        Interventietraject.objects.filter_for_user(user)
        .filter(leerling_id__in=leerling_ids)
        .values_list("pk", "leerling_id", "gemeld_op", "afgesloten_op", "status", "aanleiding")
    )
    items = []
    for pk, lid, gemeld, afgesloten, status, aanleiding in rijen:
        url = reverse("interventie_detail", args=[pk])
        items.append(
            TijdlijnItem(
                leerling_id=lid,
                datum=gemeld,
                soort="Interventietraject",
                titel=f"Aangemeld bij het interventieteam ({Aanleiding(aanleiding).label})",
                url=url,
                status=TrajectStatus(status).label,
                volgorde=40,
            )
        )
        if afgesloten:
            items.append(
                TijdlijnItem(
                    leerling_id=lid,
                    datum=afgesloten,
                    soort="Interventietraject",
                    titel="Interventietraject geëvalueerd en afgesloten",
                    url=url,
                    status=TrajectStatus(status).label,
                    volgorde=41,
                )
            )
    return items


def arrangement_items(leerling_ids, *, user):
    """Each arrangement the user may open, at its start; one query. A started arrangement puts the
    pupil at step 8 of the checklist (ondersteuningstraject) [002 bijlage 3.6]."""
    rijen = (
        Arrangement.objects.filter_for_user(user)
        .filter(leerling_id__in=leerling_ids)
        .values_list("pk", "leerling_id", "start", "einde", "soort")
    )
    return [
        TijdlijnItem(
            leerling_id=lid,
            datum=start,
            soort="Arrangement",
            titel=f"{ArrangementSoort(soort).label} t/m {formatteer_datum(einde)}",
            url=reverse("arrangement_detail", args=[pk]),
            status="",
            stap=8,
            volgorde=45,
        )
        for pk, lid, start, einde, soort in rijen
    ]
