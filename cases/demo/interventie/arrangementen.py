"""Demo arrangementen in regio Ede and a budget per regio for this year."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.demo.interventie.hulp import SCENARIO_NAMEN
from cases.interventie.models.arrangementen import DUURREGELS, ArrangementBudget, ArrangementSoort
from cases.interventie.services import arrangementen as arr_svc
from cases.models import Arrangement, Leerling


@transaction.atomic
def _arrangementen(wereld, stdout) -> None:
    g = wereld.gebruikers
    vandaag = timezone.localdate()
    regio_ede = wereld.regios["Ede"]
    for regio in wereld.regios.values():
        if not ArrangementBudget.objects.filter(regio=regio, jaar=vandaag.year).exists():
            arr_svc.stel_budget_in(
                regio=regio,
                jaar=vandaag.year,
                bedrag=Decimal("12000") if regio == regio_ede else Decimal("10000"),
                door=g["bestuurder"],
            )
    ede_scholen = [s for s in wereld.scholen.values() if s.regio_id == regio_ede.pk and s.soort == "bao"]
    kandidaten = list(
        Leerling.objects.filter(swv=wereld.swv, huidige_school__in=ede_scholen)
        .exclude(voornaam__in=SCENARIO_NAMEN)
        .exclude(interventietrajecten__isnull=False)
        .order_by("-pk")[:5]
    )
    if len(kandidaten) < 5:
        stdout.write("Interventie-demo: te weinig leerlingen in regio Ede voor arrangementen.")
        return
    plan = {
        "doel": "De leerling leert weer in een passende setting; terugkeer naar de eigen school is het doel.",
        "ondersteuningsbehoefte": "Voorspelbaarheid, korte instructies, een vaste begeleider en een rustige werkplek.",  # noqa: E501
        "communicatieafspraken": "Elke vrijdag kort contact tussen beide scholen; ouders om de twee weken.",
    }
    start_obs = vandaag - timedelta(days=80)
    regels = [
        (
            ArrangementSoort.OBSERVATIE,
            start_obs,
            DUURREGELS[ArrangementSoort.OBSERVATIE].max_einde(start_obs),
            wereld.scholen["SBO De Brug"],
            None,
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 2, 2),
            date(vandaag.year, 7, 10),
            None,
            Decimal("4500"),
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 3, 16),
            date(vandaag.year, 12, 18),
            None,
            Decimal("6000"),
        ),
        (
            ArrangementSoort.HGO_MIDDELEN,
            date(vandaag.year, 9, 7),
            date(vandaag.year, 12, 18),
            None,
            Decimal("3200"),
        ),
        (
            ArrangementSoort.HGO_DESKUNDIGHEID,
            date(vandaag.year, 9, 14),
            date(vandaag.year + 1, 1, 29),
            None,
            None,
        ),
    ]
    for leerling, (soort, start, einde, school, bedrag) in zip(kandidaten, regels, strict=True):
        if Arrangement.objects.filter(leerling=leerling, soort=soort).exists():
            continue
        arr_svc.maak_arrangement(
            leerling=leerling,
            soort=soort,
            start=start,
            einde=einde,
            uitvoerende_school=school,
            bedrag=bedrag,
            door=g["sc"],
            **plan,
        )
