"""People and roles [domain §2]. A user holds any number of roles; each role has a scope (a
school, a regio, the SWV or a gemeente) and every role belongs to exactly one SWV."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from .organisaties import Gemeente, Regio, Samenwerkingsverband, School


class Gebruiker(AbstractUser):
    """A person who logs in. Personal data kept to what the work needs: name, e-mail, phone."""

    telefoon = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class RolSoort(models.TextChoices):
    LEERKRACHT = "leerkracht", "leerkracht"
    IB = "ib", "intern begeleider"
    DIRECTEUR = "directeur", "directeur"
    SC = "sc", "steunpuntcoördinator"
    CJK = "cjk", "contactpersoon jonge kind"
    SLL = "sll", "secretaresse leerlingenzaken"
    TLA = "tla", "TLA-voorzitter"
    DESKUNDIGE = "deskundige", "deskundige"
    BESTUURDER = "bestuurder", "directeur-bestuurder"
    LPA = "lpa", "leerplichtambtenaar"
    BEHEERDER = "beheer", "beheerder"


# Where a role is scoped [domain §2]: Rol.clean() asks for the matching school / regio / gemeente.
SCHOOLGEBONDEN = frozenset({RolSoort.LEERKRACHT, RolSoort.IB, RolSoort.DIRECTEUR})  # rol op een school
REGIOGEBONDEN = frozenset({RolSoort.SC, RolSoort.CJK})  # rol in een regio
# rol voor het hele SWV (de deskundige ook, al ziet die alleen wat per aanvraag gedeeld is)
SWVGEBONDEN = frozenset(
    {RolSoort.SLL, RolSoort.TLA, RolSoort.DESKUNDIGE, RolSoort.BESTUURDER, RolSoort.BEHEERDER}
)
GEMEENTEGEBONDEN = frozenset({RolSoort.LPA})  # rol bij een gemeente

# Named groups of roles that the views, services and menus check again and again; defined once here.
SCHOOLLEIDING = frozenset({RolSoort.IB, RolSoort.DIRECTEUR})  # IB'er en directeur: de hele school
SWV_BUREAU = frozenset(
    {RolSoort.SLL, RolSoort.TLA, RolSoort.BESTUURDER, RolSoort.BEHEERDER}
)  # elk dossier van het SWV
SWV_REGIE = frozenset(
    {RolSoort.SC, RolSoort.SLL, RolSoort.BESTUURDER}
)  # regie op arrangement, maatregel, escalatie
BOVENSCHOOLS = REGIOGEBONDEN | SWV_BUREAU  # wie boven de school meekijkt: regio en SWV-bureau


class Discipline(models.TextChoices):
    """The pool of deskundigen [002 §1.6, 'pool van deskundigen']."""

    ORTHOPEDAGOOG = "orthopedagoog", "orthopedagoog"
    PSYCHOLOOG = "psycholoog", "psycholoog"
    KINDERPSYCHOLOOG = "kinderpsycholoog", "kinder- en jeugdpsycholoog"
    PEDAGOOG = "pedagoog", "pedagoog"
    KINDERPSYCHIATER = "kinderpsychiater", "kinderpsychiater"
    MAATSCHAPPELIJK_WERKER = "maatschappelijk_werker", "maatschappelijk werker"
    ARTS = "arts", "arts"
    DESKUNDIGE_VO = "deskundige_vo", "deskundige vo"


GEDRAGSDESKUNDIGEN = frozenset({Discipline.ORTHOPEDAGOOG, Discipline.PSYCHOLOOG})
# The second deskundige "dient een kinder- of jeugdpsycholoog, pedagoog, kinderpsychiater,
# maatschappelijk werker of arts te zijn"; for groep 6–8 "zo mogelijk een deskundige vo"
# [002 L657-658; issue 16.5]. Disjoint from GEDRAGSDESKUNDIGEN: the two advise from two expertises.
TWEEDE_DESKUNDIGEN = frozenset(
    {
        Discipline.KINDERPSYCHOLOOG,
        Discipline.PEDAGOOG,
        Discipline.KINDERPSYCHIATER,
        Discipline.MAATSCHAPPELIJK_WERKER,
        Discipline.ARTS,
        Discipline.DESKUNDIGE_VO,
    }
)
TWEEDE_DESKUNDIGEN_TEKST = (
    "De tweede deskundige is een kinder- of jeugdpsycholoog, pedagoog, kinderpsychiater, "
    "maatschappelijk werker, arts of (groep 6–8) deskundige vo [002 L657]."
)


class RolQuerySet(models.QuerySet):
    def filter_for_user(self, user):
        """One's own roles, and the roles in the SWV's where one works SWV-wide (SWV_BUREAU); the
        beheerder's pages narrow this further to the SWV's he manages (cases/beheer/selectors.py)."""
        from cases.scope import scope_for

        scope = scope_for(user)
        if scope.alles:
            return self
        return self.filter(models.Q(swv_id__in=scope.swv_ids) | models.Q(gebruiker_id=user.pk))


class Rol(models.Model):
    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.CASCADE, related_name="rollen")
    soort = models.CharField(max_length=20, choices=RolSoort.choices)
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="rollen")
    school = models.ForeignKey(School, on_delete=models.PROTECT, null=True, blank=True, related_name="rollen")
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, null=True, blank=True, related_name="rollen")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="rollen"
    )
    groepen = models.CharField(
        max_length=50,
        blank=True,
        help_text="Alleen voor een leerkracht: de groepen, gescheiden door komma's (bijv. 4,5).",
    )
    discipline = models.CharField(max_length=30, choices=Discipline.choices, blank=True)
    actief = models.BooleanField(default=True)

    objects = RolQuerySet.as_manager()

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["gebruiker", "soort"]
        indexes = [models.Index(fields=["gebruiker", "actief"])]

    def __str__(self) -> str:
        waar = self.school or self.regio or self.gemeente or self.swv
        return f"{self.get_soort_display()} – {waar}"

    @property
    def groepen_lijst(self) -> list[int]:
        return [int(g) for g in self.groepen.replace(" ", "").split(",") if g.isdigit()]

    def clean(self) -> None:
        super().clean()
        fouten: dict[str, str] = {}
        if self.soort in SCHOOLGEBONDEN and not self.school_id:
            fouten["school"] = "Deze rol hoort bij een school: kies de school."
        if self.soort in REGIOGEBONDEN and not self.regio_id:
            fouten["regio"] = "Deze rol hoort bij een regio: kies de regio."
        if self.soort in GEMEENTEGEBONDEN and not self.gemeente_id:
            fouten["gemeente"] = "Deze rol hoort bij een gemeente: kies de gemeente."
        if self.soort == RolSoort.DESKUNDIGE and not self.discipline:
            fouten["discipline"] = "Geef de discipline van de deskundige op."
        if self.soort == RolSoort.LEERKRACHT and not self.groepen_lijst:
            fouten["groepen"] = "Geef de groepen van de leerkracht op, bijvoorbeeld 4,5."
        for veld in ("school", "regio", "gemeente"):
            obj = getattr(self, veld) if getattr(self, f"{veld}_id") else None
            if obj is not None and self.swv_id and obj.swv_id != self.swv_id:
                fouten[veld] = "Dit hoort bij een ander samenwerkingsverband dan de rol."
        if fouten:
            raise ValidationError(fouten)
