"""Reads of the zorgplicht app: always through filter_for_user, with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from cases.models import School
from cases.models.organisaties import SchoolSoort
from zorgplicht import termijnen
from zorgplicht.models import (
    LOPENDE_STATUSSEN,
    Aanmelding,
    Antwoord,
    BaoBaoVoorstel,
    InformatieVerzoek,
    OndersteuningSoort,
    SopAanbod,
    Status,
    Uitkomst,
)


def aanmeldingen_voor(user):
    """Aanmeldingen the user may see, with everything a list or dossier shows (constant queries)."""
    return (
        Aanmelding.objects.filter_for_user(user)
        .select_related(
            "school__regio", "school__bestuur", "leerling", "gekozen_school", "ingeschreven_school"
        )
        .prefetch_related(
            Prefetch("informatieverzoeken", queryset=InformatieVerzoek.objects.order_by("gevraagd_op", "pk")),
            Prefetch(
                "baobao_voorstellen", queryset=BaoBaoVoorstel.objects.select_related("school").order_by("pk")
            ),
        )
    )


@dataclass(frozen=True)
class Rij:
    aanmelding: Aanmelding
    stand: termijnen.Stand


def met_stand(aanmeldingen, vandaag: date) -> list[Rij]:
    return [Rij(a, termijnen.stand(a, vandaag)) for a in aanmeldingen]


def lopende_op_urgentie(user, vandaag: date, *, regio_ids=None) -> list[Rij]:
    """All running zorgplicht terms the user may see, most urgent first: plaatsingsplicht, expired,
    then the nearest end [issue 6 'the SC's region overview']."""
    qs = aanmeldingen_voor(user).lopend()
    if regio_ids is not None:
        qs = qs.filter(school__regio_id__in=regio_ids)
    return sorted(met_stand(qs, vandaag), key=lambda r: (*r.stand.urgentie, r.aanmelding.pk))


def zorgplicht_bij(aanmelding: Aanmelding) -> list[School]:
    """Who holds the zorgplicht now [002 bijlage 2.2.1 stap 2, 8]: the school of aanmelding;
    together with a bao-bao school while that school investigates or can place (shared); the new
    school alone once the ouders enrolled the child there; nobody when it does not apply."""
    if aanmelding.status == Status.NIET_VAN_TOEPASSING:
        return []
    if aanmelding.status == Status.AFGESLOTEN and aanmelding.ingeschreven_school_id:
        return [aanmelding.ingeschreven_school]
    scholen = [aanmelding.school]
    if aanmelding.status in (*LOPENDE_STATUSSEN, Status.BESLUIT):
        for v in aanmelding.baobao_voorstellen.all():
            if v.deelt_zorgplicht and (
                aanmelding.uitkomst != Uitkomst.ANDERE_SCHOOL or v.school_id == aanmelding.gekozen_school_id
            ):
                scholen.append(v.school)
    return scholen


@dataclass(frozen=True)
class Kandidaat:
    school: School
    aanbod: list[SopAanbod]
    passend: list[str]  # labels of the needs this school's SOP covers
    ontbrekend: list[str]

    @property
    def past_volledig(self) -> bool:
        return not self.ontbrekend


def passende_scholen(user, aanmelding: Aanmelding) -> list[Kandidaat]:
    """Regular schools in the regio (or of the same bestuur) whose SOP covers the needs, best fit
    first; schools already proposed are left out [002 bijlage 2.2.1 stap 8]."""
    al = {v.school_id for v in aanmelding.baobao_voorstellen.all()}
    scholen = School.objects.filter(swv_id=aanmelding.swv_id, soort=SchoolSoort.BAO).filter(
        regio_id=aanmelding.school.regio_id
    ) | School.objects.filter(
        swv_id=aanmelding.swv_id, soort=SchoolSoort.BAO, bestuur_id=aanmelding.school.bestuur_id
    )
    scholen = (
        scholen.exclude(pk=aanmelding.school_id)
        .exclude(pk__in=al)
        .select_related("regio")
        .prefetch_related(Prefetch("sop_aanbod", queryset=SopAanbod.objects.order_by("soort")))
        .order_by("naam")
        .distinct()
    )
    behoeften = set(aanmelding.ondersteuningsbehoeften)
    uit = []
    for s in scholen:
        aanbod = list(s.sop_aanbod.all())
        soorten = {a.soort for a in aanbod}
        uit.append(
            Kandidaat(
                school=s,
                aanbod=aanbod,
                passend=[OndersteuningSoort(b).label for b in sorted(behoeften & soorten)],
                ontbrekend=[OndersteuningSoort(b).label for b in sorted(behoeften - soorten)],
            )
        )
    return sorted(uit, key=lambda k: (len(k.ontbrekend), -len(k.passend), k.school.naam))


__all__ = ["Antwoord", "aanmeldingen_voor", "lopende_op_urgentie", "passende_scholen", "zorgplicht_bij"]
