"""The "Mijn werk" panels and the dossier-timeline providers of verzuim/; they, the menu items and
the kinds of term are registered in verzuim/registraties.py."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models.rollen import GEMEENTEGEBONDEN, SCHOOLLEIDING, SWV_REGIE, RolSoort
from cases.navigatie import Paneel


def meldplicht(user, scope):
    """School: pupils whose 16 hours in 4 lesweken arose and were not yet reported (constant queries)."""
    if not scope.heeft(*SCHOOLLEIDING) or scope.alles:
        return None
    from cases.models import School
    from cases.termijnen import leerplichtig_vanaf
    from verzuim import regels
    from verzuim.models import Verzuimmelding, VerzuimRegistratie
    from verzuim.models.meldingen import ONGEOORLOOFDE_SOORTEN, UREN_MELDINGEN
    from verzuim.selectors import vakantieperioden

    vandaag = timezone.localdate()
    begin = vandaag - timedelta(days=120)
    rijen = list(
        VerzuimRegistratie.objects.filter_for_user(user)
        .filter(datum__gte=begin, datum__lte=vandaag, soort__in=ONGEOORLOOFDE_SOORTEN)
        .values_list(
            "leerling_id",
            "leerling__voornaam",
            "leerling__achternaam",
            "school_id",
            "datum",
            "uren",
            "leerling__geboortedatum",
        )
    )
    if not rijen:
        return None
    gemeld: dict[int, object] = {}
    for lid, d in (
        Verzuimmelding.objects.filter_for_user(user)
        .filter(soort__in=UREN_MELDINGEN, leerling_id__in={r[0] for r in rijen})
        .values_list("leerling_id", "plicht_ontstaan_op")
    ):
        gemeld[lid] = max(d, gemeld.get(lid, d))
    vakanties = {
        s.pk: vakantieperioden(s, begin, vandaag)[0]
        for s in School.objects.filter(pk__in={r[3] for r in rijen})
    }
    per_leerling: dict[int, list] = {}
    for lid, vn, an, sid, d, u, geboren in rijen:
        # Only absence of a leerplichtig child counts [002 L243; Lpw art. 3].
        if d >= leerplichtig_vanaf(geboren):
            per_leerling.setdefault(lid, [f"{vn} {an}", sid, []])[2].append((d, u))
    items = []
    for lid, (naam, sid, regs) in per_leerling.items():
        z = regels.zestien_uur(regs, vakanties[sid], na=gemeld.get(lid))
        if z is not None:
            items.append(
                {"leerling_id": lid, "naam": naam, "bereikt_op": z.bereikt_op, "richtdatum": z.richtdatum}
            )
    if not items:
        return None
    return Paneel(
        titel="Verzuim: meldplicht bij leerplicht",
        template="verzuim/panelen/meldplicht.html",
        context={"items": sorted(items, key=lambda i: i["bereikt_op"])},
        volgorde=20,
        aantal=len(items),
    )


def lpa_meldingen(user, scope):
    if not scope.heeft(RolSoort.LPA) or scope.alles:
        return None
    from verzuim.models import Verzuimmelding
    from verzuim.models.meldingen import MeldingStatus

    qs = (
        Verzuimmelding.objects.filter_for_user(user)
        .filter(status=MeldingStatus.GEMELD)
        .select_related("leerling", "school")
    )
    items = list(qs[:10])
    return Paneel(
        titel="Nieuwe verzuimmeldingen",
        template="verzuim/panelen/lpa.html",
        context={"items": items, "totaal": qs.count()},
        volgorde=20,
        aantal=len(items) or None,
    )


def thuiszitters(user, scope):
    """SWV roles: thuiszitters nearing or past three months; escalations at the directeur-bestuurder."""
    if not scope.heeft(*SWV_REGIE) or scope.alles:
        return None
    from verzuim.models import Escalatie
    from verzuim.selectors import register_queryset

    vandaag = timezone.localdate()
    nadert = list(register_queryset(user=user, peildatum=vandaag).filter(nadert=True)[:10])
    escalaties = list(
        Escalatie.objects.filter_for_user(user)
        .filter(gesloten_op__isnull=True, stappen__stap="melding_db")
        .select_related("thuiszitter__leerling", "regio")
        .distinct()[:10]
    )
    if not nadert and not escalaties:
        return None
    return Paneel(
        titel="Thuiszitters: drie-maandengrens",
        template="verzuim/panelen/thuiszitters.html",
        context={"nadert": nadert, "escalaties": escalaties, "vandaag": vandaag},
        volgorde=25,
        aantal=len(nadert) or None,
    )


# --- dossier timeline [cases/tijdlijn.py] --------------------------------------------------------

# The measure taken after an incident, in the wording of [004 Noot 2]: an ordemaatregel, no punishment.
ORDEMAATREGEL_TIME_OUT = "ordemaatregel: time-out (geen strafmaatregel)"
INCIDENT_KORT = 80


def incident_kort(aanleiding: str) -> str:
    """The first line of the incident description, cut at a word, for the timeline title."""
    regel = " ".join(aanleiding.strip().splitlines()[:1]).strip() or "incident op school"
    if len(regel) <= INCIDENT_KORT:
        return regel
    return regel[:INCIDENT_KORT].rsplit(" ", 1)[0] + " …"


def tijdlijn_providers() -> tuple:
    """verzuim's dossier-timeline providers, in order, for verzuim/registraties.py to register."""
    from django.urls import reverse

    from cases.scope import scope_for
    from cases.tijdlijn import TijdlijnItem
    from verzuim.models import Schorsing, Thuiszitter, TimeOut, Verwijdering, Verzuimmelding
    from verzuim.models.maatregelen import VerwijderingStatus
    from verzuim.models.meldingen import MeldingSoort, MeldingStatus
    from verzuim.models.thuiszitters import ThuiszitterSoort

    def _url(user, naam, pk, *rollen):
        return reverse(naam, kwargs={"pk": pk}) if scope_for(user).heeft(*rollen) else ""

    def meldingen(leerling_ids, *, user):
        soorten, statussen = dict(MeldingSoort.choices), dict(MeldingStatus.choices)
        rows = Verzuimmelding.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "gemeld_op", "soort", "status"
        )
        return [
            TijdlijnItem(
                leerling_id=lid,
                datum=d,
                soort="Verzuim",
                titel=f"Verzuimmelding: {soorten[s]}",
                url=_url(user, "verzuim:melding", pk, RolSoort.IB, RolSoort.DIRECTEUR, RolSoort.LPA),
                status=statussen[st],
            )
            for pk, lid, d, s, st in rows
        ]

    def time_outs(leerling_ids, *, user):
        """The dossier records the incident, not the time-out: a time-out "is principieel geen
        strafmaatregel maar een ordemaatregel in het belang van de school: daarom geen aantekening
        van de time-out maar van het incident in het dossier van de leerling" [004 Noot 2]."""
        rows = TimeOut.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "datum", "aanleiding"
        )
        return [
            TijdlijnItem(
                leerling_id=lid,
                datum=d,
                soort="Incident",
                titel=f"Incident: {incident_kort(aanleiding)}",
                url=_url(user, "verzuim:time_out", pk, *(SCHOOLLEIDING | SWV_REGIE)),
                status=ORDEMAATREGEL_TIME_OUT,
            )
            for pk, lid, d, aanleiding in rows
        ]

    def schorsingen(leerling_ids, *, user):
        rows = Schorsing.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "van", "tot"
        )
        return [
            TijdlijnItem(
                leerling_id=lid,
                datum=van,
                soort="Maatregel",
                titel=f"Schorsing t/m {tot:%d-%m-%Y} ({(tot - van).days + 1} dagen)",
                url=_url(user, "verzuim:schorsing", pk, *(SCHOOLLEIDING | SWV_REGIE)),
            )
            for pk, lid, van, tot in rows
        ]

    def verwijderingen(leerling_ids, *, user):
        statussen = dict(VerwijderingStatus.choices)
        rows = Verwijdering.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "voornemen_op", "status"
        )
        return [
            TijdlijnItem(
                leerling_id=lid,
                datum=d,
                soort="Maatregel",
                titel="Voornemen tot verwijdering",
                url=_url(user, "verzuim:verwijdering", pk, *(SCHOOLLEIDING | SWV_REGIE)),
                status=statussen[st],
            )
            for pk, lid, d, st in rows
        ]

    def thuiszitters(leerling_ids, *, user):
        soorten = dict(ThuiszitterSoort.choices)
        rows = Thuiszitter.objects.filter(leerling_id__in=leerling_ids).values_list(
            "pk", "leerling_id", "thuis_sinds", "soort", "beeindigd_op"
        )
        return [
            TijdlijnItem(
                leerling_id=lid,
                datum=d,
                soort="Thuiszitter",
                titel=f"Thuis: {soorten[s]}",
                url=_url(user, "verzuim:thuiszitter", pk, *(SWV_REGIE | GEMEENTEGEBONDEN)),
                status="beëindigd" if eind else "loopt",
            )
            for pk, lid, d, s, eind in rows
        ]

    return meldingen, time_outs, schorsingen, verwijderingen, thuiszitters
