"""Reads about terms, notifications and school holidays [domain §10, §11]."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from cases.termijnen.models.termijnen import OPEN_STATUSSEN, Notificatie, Termijn
from cases.termijnen.models.vakanties import SchoolVakantie, VakantieSoort


def termijnen_van(zaak):
    """The terms of one case object, suspensions prefetched (for `cases/termijnen/_termijn.html`)."""
    return Termijn.objects.filter(
        content_type=ContentType.objects.get_for_model(zaak), object_id=zaak.pk
    ).prefetch_related("opschortingen")


def mijn_termijnen(user, *, binnen_dagen: int = 14, vandaag: date | None = None):
    """Open terms the user is responsible for that end within `binnen_dagen` or are overdue."""
    vandaag = vandaag or timezone.localdate()
    return (
        Termijn.objects.filter_for_user(user)
        .voor_verantwoordelijke(user)
        .filter(status__in=OPEN_STATUSSEN, einde__lte=vandaag + timedelta(days=binnen_dagen))
        .select_related("school", "leerling")
        .prefetch_related("opschortingen", "zaak")
        .order_by("einde", "pk")
    )


def meldingen_van(user, *, alleen_ongelezen: bool = False):
    qs = (
        Notificatie.objects.filter_for_user(user)
        .select_related("termijn__leerling")
        .prefetch_related("termijn__zaak")
    )
    return qs.ongelezen() if alleen_ongelezen else qs


def aantal_ongelezen(user) -> int:
    """One query: the counter in the header."""
    return Notificatie.objects.filter_for_user(user).ongelezen().count()


def termijnen_voor_sweep(vandaag: date, horizon: date) -> Q:
    """Open terms that end by `horizon` and are not suspended today."""
    return Q(status__in=OPEN_STATUSSEN, einde__lte=horizon) & (
        Q(opgeschort_tot__isnull=True) | Q(opgeschort_tot__lt=vandaag)
    )


# --- school holidays and lesweken ----------------------------------------------------------------


class OntbrekendeVakantiegegevens(ValidationError):
    """The school holidays of a school year are not in the database: lesweken cannot be counted."""


def schooljaar_van(d: date) -> str:
    """The school year a date falls in; it runs from 1 August to 31 July."""
    begin = d.year if d.month >= 8 else d.year - 1
    return f"{begin}-{begin + 1}"


def _schooljaren(van: date, tot: date) -> list[str]:
    jaren = []
    begin = van.year if van.month >= 8 else van.year - 1
    while date(begin, 8, 1) <= tot:
        jaren.append(f"{begin}-{begin + 1}")
        begin += 1
    return jaren


class _Vakanties:
    """The holidays of one regio for some school years, loaded in one query."""

    def __init__(self, regio: str, schooljaren: list[str]):
        self.regio = regio
        rijen = list(SchoolVakantie.objects.filter(regio=regio, schooljaar__in=schooljaren))
        self.soorten: dict[str, set[str]] = {}
        for r in rijen:
            self.soorten.setdefault(r.schooljaar, set()).add(r.soort)
        self.perioden = [(r.van, r.tot) for r in rijen]

    def vereis(self, d: date) -> None:
        """A school year counts only with all five holidays known for the regio."""
        jaar = schooljaar_van(d)
        ontbreekt = [s.label for s in VakantieSoort if s.value not in self.soorten.get(jaar, set())]
        if ontbreekt:
            raise OntbrekendeVakantiegegevens(
                f"Van schooljaar {jaar} ontbreken voor regio {self.regio}: {', '.join(ontbreekt)}. "
                "Zonder die data kan Passend de lesweken niet tellen; een beheerder kan ze importeren "
                "(manage.py importeer_schoolvakanties)."
            )

    def is_vrij(self, d: date) -> bool:
        return any(van <= d <= tot for van, tot in self.perioden)

    def is_lesweek(self, maandag: date, van: date, tot: date) -> bool:
        """Whether a weekday of this week within [van, tot] lies outside the holidays."""
        for i in range(5):
            d = maandag + timedelta(days=i)
            if van <= d <= tot:
                self.vereis(d)
                if not self.is_vrij(d):
                    return True
        return False


def vakantiedagen(regio: str, van: date, tot: date) -> set[date]:
    """All days in [van, tot] inside a school holiday of `regio`; one query.

    Raises OntbrekendeVakantiegegevens when a school year in the range has no holidays for the
    regio: counting lesweken without them would silently count holidays as lesweken.
    """
    jaren = _schooljaren(van, tot)
    vakanties = _Vakanties(regio, jaren)
    for jaar in jaren:
        vakanties.vereis(max(van, date(int(jaar[:4]), 8, 1)))
    return {
        van + timedelta(days=i)
        for i in range((tot - van).days + 1)
        if vakanties.is_vrij(van + timedelta(days=i))
    }


def lesweken_tussen(school, van: date, tot: date) -> int:
    """Number of lesweken from `van` through `tot` for `school` [domain §10, Leerplichtwet art. 21a].

    A lesweek is a calendar week (Monday–Sunday) with at least one weekday in the range that is not
    in a school holiday of the school's vakantieregio; a week entirely in a holiday is not a lesweek.
    A single public holiday (Tweede Paasdag) does not make a week a holiday week. One query.
    """
    if tot < van:
        raise ValidationError("De einddatum ligt vóór de begindatum.")
    vakanties = _Vakanties(school.vakantieregio, _schooljaren(van, tot))
    maandag = van - timedelta(days=van.weekday())
    aantal = 0
    while maandag <= tot:
        aantal += vakanties.is_lesweek(maandag, van, tot)
        maandag += timedelta(weeks=1)
    return aantal


def lesweken_venster_begin(school, tot: date, aantal: int = 4) -> date:
    """The Monday on which the `aantal` consecutive lesweken ending with the week of `tot` begin,
    skipping holiday weeks (the window of "16 uur in 4 opeenvolgende lesweken", Leerplichtwet
    art. 21a) [domain §10]. One query."""
    if aantal < 1:
        raise ValidationError("Het aantal lesweken is minstens 1.")
    terug = aantal + 12  # weeks; more than enough to pass a summer holiday (at most 7 weeks)
    vakanties = _Vakanties(school.vakantieregio, _schooljaren(tot - timedelta(weeks=terug), tot))
    maandag = tot - timedelta(days=tot.weekday())
    gevonden = 0
    for _ in range(terug):
        if vakanties.is_lesweek(maandag, date.min, tot):
            gevonden += 1
            if gevonden == aantal:
                return maandag
        maandag -= timedelta(weeks=1)
    raise ValidationError(f"Er liggen geen {aantal} lesweken in de {terug} weken vóór deze datum.")


def eerste_schooldag(school, vanaf: date) -> date:
    """The first school day on or after `vanaf`: a weekday that is no Atw feestdag and not in a
    school holiday of the school's regio. With cases.termijnen.leerplichtig_vanaf this gives the
    day leerplicht starts ("de eerste schooldag van de maand", Leerplichtwet art. 3) [domain §10].
    One query; a school's own study days are not known to Passend."""
    from cases.termijnen import is_werkdag

    vakanties = _Vakanties(school.vakantieregio, _schooljaren(vanaf, vanaf + timedelta(weeks=8)))
    d = vanaf
    for _ in range(7 * 8):  # a summer holiday is at most 7 weeks
        if is_werkdag(d):
            vakanties.vereis(d)
            if not vakanties.is_vrij(d):
                return d
        d += timedelta(days=1)
    raise ValidationError("Binnen acht weken na deze datum ligt geen schooldag.")
