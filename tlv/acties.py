"""The steps a user can take on the aanvraag page: per step its form, the service that performs
it, the transition it takes (for the Dutch "why not yet" list), and who sees it. Views use this
registry; only services change data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cases.scope import scope_for
from tlv import forms, services
from tlv.models import Status, TLVAanvraag
from tlv.models.keuzes import BESLUITEN, IN_BEHANDELING, OPSCHORTBAAR
from tlv.models.rechten import (
    bestuurder,
    sc,
    school_directeur,
    school_medewerker,
    sll,
    tla_voorzitter,
)


@dataclass(frozen=True)
class Actie:
    naam: str
    titel: str
    knop: str
    form: Callable[..., object]
    uitvoeren: Callable[..., object]
    zichtbaar: Callable[[TLVAanvraag, object], bool]
    transitie: str = ""
    gevaar: bool = False
    # What the user reads after the step; a step that sends a letter says the letter is on its way.
    succes: str = ""


def _eerste(a, u) -> bool:
    t = a.toewijzing(1)
    return t is not None and t.deskundige_id == u.pk


def _eigen_toewijzing(a, u) -> bool:
    return any(t.deskundige_id == u.pk for t in a.actieve_toewijzingen())


def _open_bezwaar(a):
    return a.bezwaren.filter(beslist_op__isnull=True).first()


def _toewijzen(a, u, f, r):
    """Assign, then warn (never block) when groep 6–8 gets no deskundige vo [002 L658]."""
    from django.contrib import messages

    from tlv.services.deskundigen import vo_waarschuwing

    uit = services.wijs_deskundigen_toe(aanvraag=a, door=u, request=r, **f.cleaned_data)
    if tekst := vo_waarschuwing(a, f.cleaned_data["tweede"]):
        messages.warning(r, tekst)
    return uit


def _form_leeg(a, u, data=None):
    return forms.LeegForm(data)


def _form_advies(a, u, data=None):
    t = next((t for t in a.actieve_toewijzingen() if t.deskundige_id == u.pk), None)
    advies = getattr(t, "advies", None)
    initial = (
        {"strekking": advies.strekking, "categorie": advies.categorie, "motivering": advies.motivering}
        if advies
        else {}
    )
    return forms.AdviesForm(data, initial=initial)


def _form_eindadvies(a, u, data=None):
    return forms.EindadviesForm(data, instance=a.eindadvies_of_none())


def _form_sc(a, u, data=None):
    return forms.ScOordeelForm(data, bestaand={o.vraag: o for o in a.sc_oordelen.all()})


def _form_afwijking(a, u, data=None):
    return forms.AfwijkingForm(
        data,
        initial={
            "datum": a.ingangsdatum_afwijkend,
            "reden": a.ingangsdatum_afwijking_reden,
            "tweede_deskundige_voorkeur": a.tweede_deskundige_voorkeur,
        },
    )


def _form_toewijzen(a, u, data=None):
    from tlv.services.deskundigen import pool

    return forms.ToewijzenForm(data, pool=pool(a))


def _form_vervangen(a, u, data=None):
    from tlv.services.deskundigen import pool

    return forms.VervangenForm(data, pool=pool(a))


def _form_agenderen(a, u, data=None):
    return forms.AgenderenForm(data, swv_id=a.swv_id, initial={"vergadering": a.vergadering_id})


def _eindadvies_opslaan(a, u, f, r):
    velden = {k: f.cleaned_data[k] for k in forms.EindadviesForm.Meta.fields}
    return services.schrijf_eindadvies(aanvraag=a, door=u, request=r, **velden)


def _herindicatie(a, optie: int) -> bool:
    return a.soort == "herindicatie" and a.herindicatie_optie == optie


def _form_zienswijze(a, u, data=None):
    return forms.ActueleZienswijzeForm(
        data, initial={"tekst": a.actuele_zienswijze, "datum": a.actuele_zienswijze_op}
    )


def _bezwaar_kwargs(a):
    return {"bezwaar": _open_bezwaar(a)}


ACTIES: dict[str, Actie] = {
    a.naam: a
    for a in [
        Actie(
            "indienen",
            "Ondertekenen en indienen",
            "Onderteken en dien in",
            _form_leeg,
            lambda a, u, f, r: services.dien_in(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.CONCEPT and school_directeur(a, u),
            "indienen",
        ),
        Actie(
            "herindicatiegesprek",
            "Herindicatiegesprek vastleggen [002 L820-822]",
            "Leg het gesprek vast",
            lambda a, u, data=None: forms.HerindicatiegesprekForm(data),
            lambda a, u, f, r: services.leg_gesprek_vast(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.CONCEPT
            and _herindicatie(a, 2)
            and (school_medewerker(a, u) or sc(a, u)),  # noqa: E501
            succes="Het herindicatiegesprek is vastgelegd; de route van de aanvraag staat bij Herindicatie.",
        ),
        Actie(
            "actuele_zienswijze",
            "Actuele zienswijze (herindicatie optie 1) [002 L818]",
            "Sla de zienswijze op",
            _form_zienswijze,
            lambda a, u, f, r: services.leg_actuele_zienswijze_vast(
                aanvraag=a, door=u, request=r, **f.cleaned_data
            ),  # noqa: E501
            lambda a, u: a.status in (Status.CONCEPT, Status.AANGEHOUDEN)
            and _herindicatie(a, 1)
            and school_medewerker(a, u),
            succes="De actuele zienswijze is opgeslagen.",
        ),
        Actie(
            "formeel_goedkeuren",
            "Formele check",
            "Dossier is formeel compleet",
            _form_leeg,
            lambda a, u, f, r: services.keur_formeel_goed(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.INGEDIEND and sll(a, u),
            "formeel_goedkeuren",
        ),
        Actie(
            "informatie_vragen",
            "Informatie opvragen (termijn opschorten)",
            "Vraag informatie op en schort op",
            lambda a, u, data=None: forms.InformatieVragenForm(data),
            lambda a, u, f, r: services.vraag_informatie(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status in OPSCHORTBAAR
            and (sll(a, u) or (sc(a, u) and a.status == Status.INHOUDELIJKE_CHECK)),
            succes="De informatie is opgevraagd en de termijn is opgeschort. De brief wordt gemaakt.",
        ),
        Actie(
            "informatie_ontvangen",
            "Opgevraagde informatie ontvangen",
            "Registreer ontvangst",
            lambda a, u, data=None: forms.DatumForm(data),
            lambda a, u, f, r: services.informatie_ontvangen(
                aanvraag=a, door=u, request=r, ontvangen_op=f.cleaned_data["datum"]
            ),
            lambda a, u: a.status == Status.AANGEHOUDEN and sll(a, u),
        ),
        Actie(
            "sc_oordeel",
            "Inhoudelijke check per vraag [002 §1.4]",
            "Oordeel opslaan",
            _form_sc,
            lambda a, u, f, r: services.leg_sc_oordeel_vast(
                aanvraag=a, door=u, request=r, oordelen=f.oordelen()
            ),
            lambda a, u: a.status == Status.INHOUDELIJKE_CHECK and sc(a, u),
        ),
        Actie(
            "afwijking",
            "Ingangsdatum en tweede deskundige (SC)",
            "Opslaan",
            _form_afwijking,
            lambda a, u, f, r: services.leg_ingangsdatum_afwijking_vast(
                aanvraag=a,
                door=u,
                request=r,
                datum=f.cleaned_data["datum"],
                reden=f.cleaned_data["reden"],
                tweede_deskundige_voorkeur=f.cleaned_data["tweede_deskundige_voorkeur"],
            ),
            lambda a, u: a.status in IN_BEHANDELING and sc(a, u),
        ),
        Actie(
            "inhoudelijk_goedkeuren",
            "Inhoudelijk goedkeuren",
            "Aanvraag is inhoudelijk compleet",
            _form_leeg,
            lambda a, u, f, r: services.keur_inhoudelijk_goed(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.INHOUDELIJKE_CHECK and sc(a, u),
            "inhoudelijk_goedkeuren",
        ),
        Actie(
            "toewijzen",
            "Deskundigen toewijzen",
            "Wijs toe",
            _form_toewijzen,
            _toewijzen,
            lambda a, u: a.status == Status.DESKUNDIGEN_TOEWIJZEN and tla_voorzitter(a, u),
        ),
        Actie(
            "vervangen",
            "Deskundige vervangen",
            "Vervang",
            _form_vervangen,
            lambda a, u, f, r: services.vervang_deskundige(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.ADVIEZEN and tla_voorzitter(a, u),
            gevaar=True,
        ),
        Actie(
            "advies",
            "Uw advies",
            "Advies opslaan",
            _form_advies,
            lambda a, u, f, r: services.sla_advies_op(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.ADVIEZEN and _eigen_toewijzing(a, u),
        ),
        Actie(
            "eindadvies",
            "Eindadvies",
            "Eindadvies opslaan",
            _form_eindadvies,
            _eindadvies_opslaan,
            lambda a, u: (a.status == Status.EINDADVIES and _eerste(a, u))
            or (a.status == Status.TLA_VERGADERING and tla_voorzitter(a, u)),
        ),
        Actie(
            "eindadvies_doorsturen",
            "Eindadvies doorsturen",
            "Stuur door (unaniem: TLA-voorzitter; anders: TLA-vergadering)",
            _form_leeg,
            lambda a, u, f, r: services.stuur_eindadvies_door(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.EINDADVIES and _eerste(a, u),
            "naar_voorzitter",
        ),
        Actie(
            "agenderen",
            "Op de agenda van een TLA-vergadering",
            "Agendeer",
            _form_agenderen,
            lambda a, u, f, r: services.agendeer(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.TLA_VERGADERING and tla_voorzitter(a, u),
        ),
        Actie(
            "tla_advies",
            "Advies TLA-commissie vastleggen",
            "Leg het advies van de commissie vast",
            _form_leeg,
            lambda a, u, f, r: services.leg_tla_advies_vast(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.TLA_VERGADERING and tla_voorzitter(a, u),
            "tla_advies_vastleggen",
            succes="Het advies van de commissie is vastgelegd. Lees het eindadvies na en leg het voor "
            "aan de directeur-bestuurder.",
        ),
        Actie(
            "voorleggen",
            "Eindadvies voorleggen aan de directeur-bestuurder",
            "Leg voor aan de directeur-bestuurder",
            _form_leeg,
            lambda a, u, f, r: services.leg_voor(aanvraag=a, door=u, request=r),
            lambda a, u: a.status == Status.BIJ_VOORZITTER and tla_voorzitter(a, u),
            "voorleggen",
            succes="Het eindadvies ligt nu ter ondertekening bij de directeur-bestuurder.",
        ),
        Actie(
            "ondertekenen",
            "Besluit ondertekenen",
            "Onderteken het besluit",
            lambda a, u, data=None: forms.OndertekenForm(data),
            lambda a, u, f, r: services.onderteken(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.TER_ONDERTEKENING and bestuurder(a, u),
            succes="Het besluit is ondertekend. De brief aan de ouders wordt gemaakt; "
            "hij staat zo dadelijk onder Brieven op deze pagina.",
        ),
        Actie(
            "terugsturen",
            "Terugsturen met vragen",
            "Stuur terug naar de commissie",
            lambda a, u, data=None: forms.VragenForm(data),
            lambda a, u, f, r: services.stuur_terug(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status == Status.TER_ONDERTEKENING and bestuurder(a, u),
            gevaar=True,
        ),
        Actie(
            "verdagen",
            "Beslistermijn verdagen (Awb 4:14)",
            "Verdaag en stuur de brief",
            lambda a, u, data=None: forms.VerdagenForm(data),
            lambda a, u, f, r: services.verdaag(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status in IN_BEHANDELING and sll(a, u) and not a.verdagingen.exists(),
            succes="De beslistermijn is verdaagd. De brief aan de ouders wordt gemaakt.",
        ),
        Actie(
            "intrekken",
            "Aanvraag intrekken",
            "Trek de aanvraag in",
            lambda a, u, data=None: forms.RedenForm(data),
            lambda a, u, f, r: services.trek_in(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status in (Status.CONCEPT, *IN_BEHANDELING) and school_medewerker(a, u),
            gevaar=True,
        ),
        Actie(
            "bezwaar_registreren",
            "Bezwaar registreren",
            "Registreer bezwaar",
            lambda a, u, data=None: forms.BezwaarForm(data),
            lambda a, u, f, r: services.registreer_bezwaar(aanvraag=a, door=u, request=r, **f.cleaned_data),
            lambda a, u: a.status in BESLUITEN and sll(a, u),
        ),
        Actie(
            "bezwaar_termijn",
            "Te laat ingediend: verschoonbaar?",
            "Opslaan",
            lambda a, u, data=None: forms.TermijnoverschrijdingForm(data),
            lambda a, u, f, r: services.beoordeel_termijnoverschrijding(
                door=u, request=r, **_bezwaar_kwargs(a), **f.cleaned_data
            ),
            lambda a, u: a.status == Status.IN_BEZWAAR
            and (sll(a, u) or bestuurder(a, u))
            and _open_bezwaar(a).te_laat,
        ),
        Actie(
            "bezwaar_bevestigen",
            "Ontvangst bevestigen (binnen 5 werkdagen)",
            "Bevestig en stuur de brief",
            _form_leeg,
            lambda a, u, f, r: services.bevestig_ontvangst(door=u, request=r, **_bezwaar_kwargs(a)),
            lambda a, u: a.status == Status.IN_BEZWAAR and sll(a, u) and not _open_bezwaar(a).bevestigd_op,
        ),
        Actie(
            "bemiddeling",
            "Advies bemiddelingscommissie",
            "Leg vast",
            lambda a, u, data=None: forms.BemiddelingForm(data),
            lambda a, u, f, r: services.leg_bemiddeling_vast(
                door=u, request=r, **_bezwaar_kwargs(a), **f.cleaned_data
            ),
            lambda a, u: a.status == Status.IN_BEZWAAR and (sll(a, u) or bestuurder(a, u)),
        ),
        Actie(
            "landelijk",
            "Voorleggen aan de landelijke commissie",
            "Leg vast",
            lambda a, u, data=None: forms.LandelijkForm(data),
            lambda a, u, f, r: services.leg_landelijk_advies_vast(
                door=u, request=r, **_bezwaar_kwargs(a), **f.cleaned_data
            ),
            lambda a, u: a.status == Status.IN_BEZWAAR and bestuurder(a, u),
        ),
        Actie(
            "bezwaar_beslissen",
            "Beslissen op bezwaar",
            "Beslis",
            lambda a, u, data=None: forms.BeslissingBezwaarForm(data),
            lambda a, u, f, r: services.beslis_op_bezwaar(
                door=u, request=r, **_bezwaar_kwargs(a), **f.cleaned_data
            ),
            lambda a, u: a.status == Status.IN_BEZWAAR and bestuurder(a, u),
            "beslissen_op_bezwaar",
        ),
    ]
}


# Shown in the herindicatie panel of the detail page instead of among the other steps.
HERINDICATIE_ACTIES = ("herindicatiegesprek", "actuele_zienswijze")


def acties_voor(aanvraag: TLVAanvraag, user, gebonden: dict | None = None) -> list[dict]:
    """The steps shown to `user`, each with its form and (for a transition) why it cannot be taken yet."""
    from cases.workflow import weigerredenen

    gebonden = gebonden or {}
    if not scope_for(user).soorten and not scope_for(user).alles:
        return []
    uit = []
    for actie in ACTIES.values():
        if not actie.zichtbaar(aanvraag, user):
            continue
        redenen = []
        if actie.transitie:
            redenen = [
                r for r in weigerredenen(aanvraag, actie.transitie, user) if "hoort niet bij uw rol" not in r
            ]
            if actie.naam == "eindadvies_doorsturen" and (
                aanvraag.adviezen_niet_unaniem() or aanvraag.commissie_vereist()
            ):
                redenen = [
                    r
                    for r in weigerredenen(aanvraag, "naar_tla_vergadering", user)
                    if "hoort niet bij uw rol" not in r
                ]
        uit.append(
            {
                "actie": actie,
                "form": gebonden.get(actie.naam) or actie.form(aanvraag, user),
                "redenen": redenen,
            }
        )
    return uit
