"""The scope of a user: which schools, regio's, gemeenten and SWV's the roles reach.

Computed once per request (cached on the user object) from the active roles, so every
`filter_for_user(user)` costs no extra query after the first."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from cases.models.rollen import GEMEENTEGEBONDEN, REGIOGEBONDEN, SCHOOLGEBONDEN, SWV_BUREAU, Rol, RolSoort

_CACHE_ATTR = "_passend_scope"


@dataclass(frozen=True)
class Scope:
    alles: bool = False  # superuser of the installation
    soorten: frozenset[str] = frozenset()
    school_ids: frozenset[int] = frozenset()  # ib, directeur (whole school)
    leerkracht_groepen: tuple[tuple[int, tuple[int, ...]], ...] = ()  # (school_id, groepen)
    regio_ids: frozenset[int] = frozenset()  # sc, cjk
    swv_ids: frozenset[int] = frozenset()  # sll, tla, bestuurder, beheerder: the whole SWV
    gemeente_ids: frozenset[int] = frozenset()  # lpa
    swv_ids_alle: frozenset[int] = frozenset()  # every SWV the user has any role in
    rollen: tuple[Rol, ...] = field(default=(), compare=False)

    def heeft(self, *soorten: str) -> bool:
        return self.alles or bool(self.soorten.intersection(soorten))

    @property
    def leerkracht_school_ids(self) -> frozenset[int]:
        return frozenset(s for s, _ in self.leerkracht_groepen)


# SWV-wide roles (SWV_BUREAU) see every dossier of their SWV. A deskundige is SWV-bound but sees
# nothing by default: access comes per aanvraag (django-guardian) [domain §2].


def scope_for(user) -> Scope:
    if user is None or not getattr(user, "is_authenticated", False):
        return Scope()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(alles=True)
    else:
        rollen = tuple(Rol.objects.filter(gebruiker_id=user.pk, actief=True).select_related("swv"))
        scope = Scope(
            soorten=frozenset(r.soort for r in rollen),
            school_ids=frozenset(
                r.school_id for r in rollen if r.soort in SCHOOLGEBONDEN and r.soort != RolSoort.LEERKRACHT
            ),
            leerkracht_groepen=tuple(
                (r.school_id, tuple(r.groepen_lijst)) for r in rollen if r.soort == RolSoort.LEERKRACHT
            ),
            regio_ids=frozenset(r.regio_id for r in rollen if r.soort in REGIOGEBONDEN),
            swv_ids=frozenset(r.swv_id for r in rollen if r.soort in SWV_BUREAU),
            gemeente_ids=frozenset(r.gemeente_id for r in rollen if r.soort in GEMEENTEGEBONDEN),
            swv_ids_alle=frozenset(r.swv_id for r in rollen),
            rollen=rollen,
        )
    setattr(user, _CACHE_ATTR, scope)
    return scope


def schooltoegang(
    scope: Scope, *, school: str = "school", leerling: str = "leerling", leerkracht: bool = False
) -> Q:
    """The one rule for school staff on a row that belongs to a pupil at a school (interventietraject,
    schorsing, time-out, verzuim, thuiszitter) [issue 14]: the row's school is one of theirs *and*
    the pupil is enrolled at one of their schools now. When the pupil leaves (uitschrijving or a
    move to another school) the access ends with the reason for it; the SWV-wide roles keep the
    history. `leerkracht`: a leerkracht also reaches the rows of pupils in their groepen there now.
    `school`/`leerling`: the lookup paths of the row's school and pupil."""
    q = Q(**{f"{school}_id__in": scope.school_ids, f"{leerling}__huidige_school_id__in": scope.school_ids})
    if leerkracht:
        for school_id, groepen in scope.leerkracht_groepen:
            q |= Q(
                **{
                    f"{school}_id": school_id,
                    f"{leerling}__huidige_school_id": school_id,
                    f"{leerling}__huidige_groep__in": groepen,
                }
            )
    return q


def regiotoegang(scope: Scope, *, regio: str = "school__regio", leerling: str = "leerling") -> Q:
    """The same rule for the regio-bound roles (SC, CJK) [issue 14]: the row's regio is one of theirs
    *and* the pupil is enrolled at a school in one of their regio's now, exactly as for the dossier
    (`Leerling.objects.filter_for_user`). A pupil who leaves the regio takes the case along; the
    SWV-wide roles keep the history. `regio`/`leerling`: the lookup paths of the row's regio and pupil."""
    return Q(
        **{f"{regio}_id__in": scope.regio_ids, f"{leerling}__huidige_school__regio_id__in": scope.regio_ids}
    )


def reset_scope(user) -> None:
    """Forget the cached scope (after roles change within one request or test)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
