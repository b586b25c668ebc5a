"""Reads of verzuim/: rows only through filter_for_user; the rules from verzuim/regels.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from cases.models import School
from cases.termijnen import leerplichtig_vanaf
from verzuim import regels
from verzuim.models import Verzuimmelding, VerzuimRegistratie
from verzuim.models.meldingen import UREN_MELDINGEN, MeldingSoort, RegistratieSoort


def vakantieperioden(school: School, van: date, tot: date) -> tuple[list[tuple[date, date]], bool]:
    """School holidays of the school's vakantieregio around [van, tot] (cases.SchoolVakantie, kept by
    the beheerder), in one query, and whether the data is complete: every school year the 4-lesweken
    windows touch must have all five holidays, otherwise holidays would silently count as lesweken
    (the same rule as cases.termijnen.selectors.vakantiedagen)."""
    from cases.termijnen.models.vakanties import SchoolVakantie, VakantieSoort
    from cases.termijnen.selectors import schooljaar_van

    jaren = {schooljaar_van(date(j, 9, 1)) for j in range((van - timedelta(days=35)).year - 1, tot.year + 1)}
    jaren = {j for j in jaren if schooljaar_van(van - timedelta(days=35)) <= j <= schooljaar_van(tot)}
    # The windows reach back past holidays of earlier school years only through those holidays,
    # which belong to the years loaded here; a margin year covers a window across the summer.
    marge = {schooljaar_van(van - timedelta(days=200))}
    rijen = list(
        SchoolVakantie.objects.filter(regio=school.vakantieregio, schooljaar__in=jaren | marge)
        .order_by("van")
        .values_list("schooljaar", "soort", "van", "tot")
    )
    soorten: dict[str, set[str]] = {}
    for jaar, soort, _, _ in rijen:
        soorten.setdefault(jaar, set()).add(soort)
    alle = set(VakantieSoort.values)
    compleet = all(soorten.get(j, set()) >= alle for j in jaren)
    return [(v, t) for _, _, v, t in rijen], compleet


@dataclass
class Verzuimbeeld:
    """Everything the school needs to see about one pupil's absence on `peildatum`."""

    peildatum: date
    registraties: list = field(default_factory=list)
    meldingen: list = field(default_factory=list)
    zestien: regels.ZestienUur | None = None
    uren_lopend: Decimal = Decimal(0)
    laatste_melding_op: date | None = None
    te_laat_aantal: int = 0
    te_laat: regels.Advies | None = None
    ziekte: list[str] = field(default_factory=list)
    vakanties_bekend: bool = True
    vakanties: list = field(default_factory=list)
    leerplichtig_vanaf: date | None = None

    @property
    def leerplichtig(self) -> bool:
        """Leerplichtig on `peildatum` [002 L243; Lpw art. 3]."""
        return self.leerplichtig_vanaf is None or self.peildatum >= self.leerplichtig_vanaf

    def telt(self, datum: date) -> bool:
        """Absence on `datum` counts for the meldplicht only once the child is leerplichtig."""
        return self.leerplichtig_vanaf is None or datum >= self.leerplichtig_vanaf

    @property
    def geen_meldplicht_uitleg(self) -> str:
        """Why no legal melding term runs for a child that is not yet leerplichtig, or ""."""
        if self.leerplichtig:
            return ""
        return regels.nog_niet_leerplichtig(self.leerplichtig_vanaf)


def verzuimbeeld(*, user, leerling, peildatum: date) -> Verzuimbeeld:
    registraties = list(
        VerzuimRegistratie.objects.filter_for_user(user).filter(leerling=leerling).order_by("datum", "pk")
    )
    meldingen = list(
        Verzuimmelding.objects.filter_for_user(user).filter(leerling=leerling).select_related("gemeente")
    )
    beeld = Verzuimbeeld(
        peildatum=peildatum,
        registraties=registraties,
        meldingen=meldingen,
        leerplichtig_vanaf=leerplichtig_vanaf(leerling.geboortedatum),
    )
    school = leerling.huidige_school
    if school is None:
        return beeld
    # Only absence of a leerplichtig child counts (16 hours, te laat, ziekte) [002 L243; Lpw art. 3].
    telt = [r for r in registraties if beeld.telt(r.datum)]
    # After a melding of the 16 hours (or of relatief verzuim) a new period of 4 lesweken begins.
    uren_meldingen = [m.plicht_ontstaan_op for m in meldingen if m.soort in UREN_MELDINGEN]
    beeld.laatste_melding_op = max(uren_meldingen, default=None)
    # Only the absence after the last melding counts, so only those school years need holiday data.
    eerste = min(
        (r.datum for r in telt if beeld.laatste_melding_op is None or r.datum > beeld.laatste_melding_op),
        default=peildatum,
    )
    beeld.vakanties, beeld.vakanties_bekend = vakantieperioden(school, min(eerste, peildatum), peildatum)
    ongeoorloofd = [
        (r.datum, r.uren)
        for r in telt
        if r.soort in (RegistratieSoort.ONGEOORLOOFD, RegistratieSoort.LUXE, RegistratieSoort.TE_LAAT)
        and r.datum <= peildatum
    ]
    beeld.zestien = regels.zestien_uur(ongeoorloofd, beeld.vakanties, na=beeld.laatste_melding_op)
    beeld.uren_lopend = regels.uren_in_lopende_periode(
        ongeoorloofd, beeld.vakanties, peildatum, na=beeld.laatste_melding_op
    )
    te_laat_meldingen = [m.plicht_ontstaan_op for m in meldingen if m.soort == MeldingSoort.TE_LAAT]
    sinds = max(te_laat_meldingen, default=None)
    begin = regels.schooljaar_begin(peildatum)
    beeld.te_laat_aantal = sum(
        1
        for r in telt
        if r.soort == RegistratieSoort.TE_LAAT
        and begin <= r.datum <= peildatum
        and (sinds is None or r.datum > sinds)
    )
    beeld.te_laat = regels.te_laat_advies(
        beeld.te_laat_aantal, eerder_gemeld=sinds is not None and sinds >= begin
    )
    beeld.ziekte = regels.ziekte_signalen(
        [(r.datum, r.tot) for r in telt if r.soort == RegistratieSoort.ZIEK], peildatum
    )
    return beeld


# --- thuiszitters register ---------------------------------------------------------------------


def laatste_sinds_voor_drie_maanden(peildatum: date) -> date:
    """The latest 'thuis sinds' that is past three months at home on `peildatum` (the exact inverse
    of regels.drie_maanden_op, month ends included), so the register can count in SQL."""
    kandidaat = peildatum - timedelta(days=92)
    while regels.drie_maanden_op(kandidaat + timedelta(days=1)) <= peildatum:
        kandidaat += timedelta(days=1)
    while regels.drie_maanden_op(kandidaat) > peildatum:
        kandidaat -= timedelta(days=1)
    return kandidaat


def register_queryset(*, user, peildatum: date, regio_id: int | None = None, categorie: str = ""):
    """Running thuiszitters in the user's scope on `peildatum`, with their category, 'nadert drie
    maanden' and open escalation annotated in SQL (constant queries, paginable) [domain §10]."""
    from django.db.models import BooleanField, Case, CharField, Exists, OuterRef, Q, Value, When

    from verzuim.models import Escalatie, Thuiszitter
    from verzuim.models.thuiszitters import ThuiszitterSoort

    C = regels.Categorie
    drie = laatste_sinds_voor_drie_maanden(peildatum)
    vier = peildatum - timedelta(days=regels.LANGDURIG_NA_DAGEN)
    nadert = laatste_sinds_voor_drie_maanden(
        peildatum + timedelta(days=regels.ESCALATIE_DAGEN_VOOR_DRIE_MAANDEN)
    )
    relatief = Q(soort=ThuiszitterSoort.RELATIEF)
    qs = (
        Thuiszitter.objects.filter_for_user(user)
        .lopend(peildatum)
        .select_related("leerling", "regio", "gemeente", "school", "doorzettingskracht")
        .annotate(
            cat=Case(
                When(soort=ThuiszitterSoort.ABSOLUUT, then=Value(C.ABSOLUUT)),
                When(soort=ThuiszitterSoort.VRIJSTELLING, then=Value(C.VRIJSTELLING)),
                When(thuis_sinds__lte=drie, then=Value(C.DRIE_MAANDEN)),
                When(thuis_sinds__lte=vier, then=Value(C.VIER_WEKEN)),
                default=Value(C.DREIGEND),
                output_field=CharField(),
            ),
            nadert=Case(
                When(relatief & Q(thuis_sinds__lte=nadert), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            escalatie_open=Exists(
                Escalatie.objects.filter(thuiszitter=OuterRef("pk"), gesloten_op__isnull=True)
            ),
        )
        .order_by("thuis_sinds", "pk")
    )
    if regio_id:
        qs = qs.filter(regio_id=regio_id)
    if categorie in C.LABELS:
        qs = qs.filter(cat=categorie)
    return qs


def register_telling(qs) -> dict:
    """Counts per regio and category, in one query: the figure the SWV reports."""
    from django.db.models import Count

    C = regels.Categorie
    rijen = qs.order_by().values("regio__naam", "cat").annotate(n=Count("pk"))
    per_regio: dict[str, dict[str, int]] = {}
    totaal = dict.fromkeys(C.LABELS, 0)
    for r in rijen:
        per_regio.setdefault(r["regio__naam"], dict.fromkeys(C.LABELS, 0))[r["cat"]] += r["n"]
        totaal[r["cat"]] += r["n"]
    thuiszitters = totaal[C.VIER_WEKEN] + totaal[C.DRIE_MAANDEN] + totaal[C.ABSOLUUT]
    return {"per_regio": dict(sorted(per_regio.items())), "totaal": totaal, "thuiszitters": thuiszitters}


# --- meldingen of schorsing and verwijdering [issue 16.11] --------------------------------------


def maatregelmeldingen(*, user, maatregel) -> list[dict]:
    """The meldingen of one schorsing or verwijdering the user may see, each with its term (two queries)."""
    from django.contrib.contenttypes.models import ContentType

    from cases.termijnen.models.termijnen import Termijn
    from verzuim.models import MaatregelMelding, Schorsing
    from verzuim.termijnen import MELDING_MAATREGEL

    veld = "schorsing" if isinstance(maatregel, Schorsing) else "verwijdering"
    meldingen = list(
        MaatregelMelding.objects.filter_for_user(user).filter(**{veld: maatregel}).order_by("ontvanger")
    )
    termijnen = {
        t.object_id: t
        for t in Termijn.objects.filter(
            soort=MELDING_MAATREGEL,
            content_type=ContentType.objects.get_for_model(MaatregelMelding),
            object_id__in=[m.pk for m in meldingen],
        )
    }
    return [{"melding": m, "termijn": termijnen.get(m.pk)} for m in meldingen]
