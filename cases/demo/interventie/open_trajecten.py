"""Open trajecten: one at the demo directeur's school with a temporary placement and open
agreements, and one just started by a schorsing."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cases.demo.interventie.hulp import CRITERIA, SCENARIO_NAMEN, _afspraak, _bijeenkomst, _plaats
from cases.interventie.models.traject import Onderzoeksverslagen, TeamRol
from cases.interventie.services import traject as svc
from cases.models import Interventietraject, Leerling


def _vrije_leerlingen(wereld, school, n: int) -> list[Leerling]:
    return list(
        Leerling.objects.filter(swv=wereld.swv, huidige_school=school)
        .exclude(voornaam__in=SCENARIO_NAMEN)
        .order_by("pk")[:n]
    )


@transaction.atomic
def _open_trajecten(wereld, stdout) -> None:
    g = wereld.gebruikers
    regenboog = wereld.scholen["OBS De Regenboog"]
    directeur, bestuurder = g["directeur"], g["bestuurder"]
    kandidaten = _vrije_leerlingen(wereld, regenboog, 2)
    if len(kandidaten) < 2:
        stdout.write("Interventie-demo: te weinig leerlingen op OBS De Regenboog voor open trajecten.")
        return
    vandaag = timezone.localdate()
    eerste, tweede = kandidaten
    if not Interventietraject.objects.filter(leerling=eerste).exists():
        t = svc.meld_aan(
            leerling=eerste,
            door=directeur,
            gemeld_op=vandaag - timedelta(days=21),
            aanleiding="dreigende_schorsing",
            aanleiding_toelichting="Herhaald fysiek geweld op het plein; de school ziet geen reguliere route meer.",  # noqa: E501
            criteria={**CRITERIA, "onderzoeksverslagen": Onderzoeksverslagen.GEEN},
        )
        svc.voeg_teamlid_toe(traject=t, rol=TeamRol.DIRECTEUR_SWV, gebruiker=bestuurder, door=bestuurder)
        svc.voeg_teamlid_toe(
            traject=t,
            rol=TeamRol.GEDRAGSSPECIALIST,
            gebruiker=g.get("deskundige1"),
            naam="" if g.get("deskundige1") else "Gedragsspecialist SWV",
            door=bestuurder,
        )
        svc.voer_overgang_uit(traject=t, overgang="stel_team_samen", door=bestuurder)
        b = _bijeenkomst(
            t,
            directeur,
            vandaag - timedelta(days=16),
            verslag="Het team adviseert zes weken een andere school van hetzelfde bestuur, met begeleiding.",
            advies_setting="Tijdelijk OBS Het Kompas, groep 5",
            advies_vervolg="Evaluatie met het team na vier weken",
        )
        svc.voer_overgang_uit(traject=t, overgang="start", door=directeur)
        _plaats(
            t,
            directeur,
            3,
            school=wereld.scholen["OBS Het Kompas"],
            redenen={
                1: "Incidenten in de eigen groep; eerst afstand nodig.",
                2: "De enige parallelgroep zit vol en heeft dezelfde pleintijden.",
            },
            setting="groep 5, met een vaste begeleider op het plein",
            doel="Weer veilig spelen en leren",
            startdatum=vandaag - timedelta(days=10),
            einddatum=vandaag + timedelta(days=32),
            middelen="Pleinbegeleider 6 uur per week (SWV)",
            akkoord_ontvangende_school=True,
            akkoord_door="directeur OBS Het Kompas",
            akkoord_op=vandaag - timedelta(days=12),
        )
        _afspraak(
            t,
            b,
            directeur,
            "Gesprek met ouders over de eerste week op de andere school",
            eigenaar=g["ib"],
            uiterlijk=vandaag - timedelta(days=2),
            bewaker=directeur,
        )
        _afspraak(
            t,
            b,
            directeur,
            "Pleinbegeleiding evalueren met de gedragsspecialist",
            eigenaar=g["sc"],
            uiterlijk=vandaag + timedelta(days=7),
            bewaker=directeur,
        )
    if not Interventietraject.objects.filter(leerling=tweede).exists():
        svc.start_interventie_prompt(leerling=tweede, aanleiding="schorsing", door=directeur)
