"""The one write path for the OPP [002 §1.5, bijlage 3.8.1; domain §5].

- `start_opp` opens version 1 as concept, or — for an evaluation — a new version that starts as
  a copy of the last vastgesteld one (the earlier version stays readable and unchanged);
- `bewaar_concept` saves what was typed (nothing required in a concept);
- `vaststellen` checks the mandatory parts [002 §1.5] and freezes the version;
- `leg_akkoord_vast` records an ouder's akkoord on the handelingsdeel (who, when, how)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.forms.models import model_to_dict
from django.utils import timezone

from cases.dossier.models.opp import DOOR_MEDEWERKER, FACTOREN, OPP, AkkoordWijze, OPPAkkoord, OPPInterventie
from cases.dossier.models.ot import Status
from cases.dossier.services.leerlingen import eis_bewerkrecht
from cases.models import Leerling, Ouder
from cases.models.audit import AuditActie
from cases.services.audit import log

SYSTEEM_VELDEN = {
    "id",
    "leerling",
    "versie",
    "status",
    "aangemaakt_door",
    "aangemaakt_op",
    "gewijzigd_op",
    "vastgesteld_door",
    "vastgesteld_op",
}
# What the form edits (factoren separately, as JSON).
INHOUD_VELDEN = tuple(
    f.name for f in OPP._meta.concrete_fields if f.name not in SYSTEEM_VELDEN | {"factoren"}
)
DATUM_VELDEN = {f.name for f in OPP._meta.concrete_fields if f.get_internal_type() == "DateField"}
# A new version (evaluation) starts from the agreed content; date, evaluation, the ouders'
# zienswijze and the signatures belong to the new version and start empty.
NIET_KOPIEREN = SYSTEEM_VELDEN | {
    "datum",
    "evaluatie",
    "zienswijze_ouders",
    "school_ondertekend_door",
    "school_ondertekend_op",
}
INTERVENTIE_VELDEN = ("periode", "interventie", "effect")


@transaction.atomic
def start_opp(*, leerling: Leerling, door, request=None) -> OPP:
    leerling = Leerling.objects.select_for_update().get(pk=leerling.pk)
    eis_bewerkrecht(door, leerling)
    if OPP.objects.filter(leerling=leerling, status=Status.CONCEPT).exists():
        raise ValidationError("Er staat al een concept-OPP klaar; werk dat eerst af.")
    vorige = OPP.objects.filter(leerling=leerling).order_by("-versie").first()
    versie = (OPP.objects.filter(leerling=leerling).aggregate(m=Max("versie"))["m"] or 0) + 1
    opp = OPP(leerling=leerling, versie=versie, aangemaakt_door=door)
    if vorige is not None:
        # The evaluation starts from what was agreed; the ouders' zienswijze and signatures are new.
        for veld, waarde in model_to_dict(vorige, exclude=list(NIET_KOPIEREN)).items():
            setattr(opp, veld, waarde)
    opp.save()
    if vorige is not None:
        OPPInterventie.objects.bulk_create(
            OPPInterventie(opp=opp, periode=i.periode, interventie=i.interventie, effect=i.effect)
            for i in vorige.interventies.all()
        )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=opp,
        leerling=leerling,
        omschrijving=f"OPP versie {versie} gestart" + (" (evaluatie)" if vorige else ""),
    )
    return opp


@transaction.atomic
def bewaar_concept(
    *, opp: OPP, door, request=None, gegevens: dict, factoren: dict, interventies: list[dict]
) -> OPP:
    opp = OPP.objects.select_for_update().select_related("leerling").get(pk=opp.pk)
    eis_bewerkrecht(door, opp.leerling)
    if opp.is_vastgesteld:
        raise ValidationError(OPP.ONVERANDERLIJK_MELDING)
    for veld in INHOUD_VELDEN:
        if veld in gegevens:
            waarde = gegevens[veld]
            setattr(opp, veld, "" if waarde is None and veld not in DATUM_VELDEN else waarde)
    geldig = {code: {s for s, _ in velden} for code, _, _, velden in FACTOREN}
    opp.factoren = {
        code: {s: (w or "").strip() for s, w in waarden.items() if s in geldig[code] and (w or "").strip()}
        for code, waarden in (factoren or {}).items()
        if code in geldig
    }
    opp.factoren = {c: v for c, v in opp.factoren.items() if v}
    opp.save()
    opp.interventies.all().delete()
    OPPInterventie.objects.bulk_create(
        OPPInterventie(opp=opp, **{v: (r.get(v) or "") for v in INTERVENTIE_VELDEN})
        for r in interventies
        if any((r.get(v) or "").strip() for v in INTERVENTIE_VELDEN)
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=opp,
        leerling=opp.leerling,
        omschrijving=f"OPP versie {opp.versie}: concept opgeslagen",
    )
    return opp


def ontbreekt_voor_vaststellen(opp: OPP, *, vandaag: date) -> dict[str, list[str]]:
    """The mandatory parts of the ontwikkelingsperspectief and handelingsdeel [002 §1.5]."""
    fout: dict[str, list[str]] = {}

    def mist(veld: str, tekst: str) -> None:
        fout.setdefault(veld, []).append(tekst)

    if opp.datum is None:
        mist("datum", "Vul de (start)datum van het OPP in.")
    elif opp.datum > vandaag:
        mist("datum", "De datum van het OPP ligt in de toekomst.")
    if opp.versie > 1 and not opp.evaluatie.strip():
        mist(
            "evaluatie",
            "Een nieuwe versie volgt op een evaluatie: beschrijf wat er van de doelen is bereikt.",
        )
    if not opp.hulpvraag.strip():
        mist("hulpvraag", "Omschrijf de hulpvraag.")
    if not opp.uitstroomprofiel:
        mist("uitstroomprofiel", "Kies het verwachte uitstroomprofiel [002 §1.5].")
    if not opp.uitstroomprofiel_onderbouwing.strip():
        mist("uitstroomprofiel_onderbouwing", "Onderbouw het uitstroomprofiel [002 §1.5].")
    if not opp.factoren:
        mist(
            "factoren",
            "Vul de bevorderende en belemmerende factoren in, voor zover mogelijk en relevant "
            "(rubrieken A t/m G) [002 §1.5].",
        )
    if not opp.doelen_kind.strip():
        mist("doelen_kind", "Beschrijf in het handelingsdeel de doelen voor het kind.")
    if not opp.onderwijsbehoeften.strip():
        mist("onderwijsbehoeften", "Beschrijf in het handelingsdeel de onderwijsbehoeften.")
    if not opp.doelen_school.strip():
        mist("doelen_school", "Beschrijf in het handelingsdeel de doelen voor de begeleiding op school.")
    return fout


@transaction.atomic
def vaststellen(*, opp: OPP, door, request=None, vandaag: date | None = None) -> OPP:
    opp = OPP.objects.select_for_update().select_related("leerling").get(pk=opp.pk)
    eis_bewerkrecht(door, opp.leerling)
    if opp.is_vastgesteld:
        raise ValidationError("Deze versie van het OPP is al vastgesteld.")
    fout = ontbreekt_voor_vaststellen(opp, vandaag=vandaag or timezone.localdate())
    if fout:
        raise ValidationError(fout)
    opp.vaststellen(door=door, op=timezone.now())
    opp.save()
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=opp,
        leerling=opp.leerling,
        omschrijving=f"OPP versie {opp.versie} vastgesteld",
    )
    return opp


@transaction.atomic
def leg_akkoord_vast(
    *,
    opp: OPP,
    ouder: Ouder,
    datum: date,
    wijze: str,
    document=None,
    toelichting: str = "",
    door,
    request=None,
    vandaag: date | None = None,
) -> OPPAkkoord:
    """Akkoord of an ouder with gezag on the handelingsdeel of a vastgesteld OPP [bijlage 3.8.1]."""
    opp = OPP.objects.select_for_update().select_related("leerling").get(pk=opp.pk)
    eis_bewerkrecht(door, opp.leerling)
    vandaag = vandaag or timezone.localdate()
    fout: dict[str, str] = {}
    if not opp.is_vastgesteld:
        raise ValidationError(
            "Ouders geven akkoord op een vastgestelde versie van het handelingsdeel; stel het OPP eerst vast."
        )
    if ouder.leerling_id != opp.leerling_id:
        fout["ouder"] = "Deze ouder hoort niet bij deze leerling."
    elif not ouder.gezag:
        fout["ouder"] = (
            "Het akkoord op het handelingsdeel geeft een ouder of voogd met gezag [bijlage 3.8.1]."
        )
    elif OPPAkkoord.objects.filter(opp=opp, ouder=ouder).ondertekend().exists():
        fout["ouder"] = "Deze ouder heeft het handelingsdeel van deze versie al ondertekend."
    elif OPPAkkoord.objects.filter(opp=opp, ouder=ouder, wijze=wijze).exists():
        fout["ouder"] = "Dit akkoord van deze ouder op deze versie is al vastgelegd."
    soort = AkkoordWijze(wijze) if wijze in AkkoordWijze.values else None
    if soort is None:
        fout["wijze"] = "Kies hoe het akkoord is gegeven."
    elif soort not in DOOR_MEDEWERKER:
        fout["wijze"] = "Digitaal ondertekenen doet de ouder zelf, in het ouderportaal [issue 17]."
    elif soort.vraagt_scan and document is None:
        fout["document"] = (
            "Een handtekening op papier telt alleen met het gescande ondertekende exemplaar in het "
            "dossier: upload het en kies het hier [002 L742, L1250]."
        )
    elif document is not None and document.leerling_id != opp.leerling_id:
        fout["document"] = "Dit document hoort niet bij deze leerling."
    elif document is not None and not soort.vraagt_scan:
        document = None  # a spoken akkoord has no signed copy
    if datum > vandaag:
        fout["datum"] = "De datum van het akkoord ligt in de toekomst."
    elif opp.datum and datum < opp.datum:
        fout["datum"] = "Het akkoord kan niet eerder zijn dan de datum van deze versie van het OPP."
    if fout:
        raise ValidationError(fout)
    akkoord = OPPAkkoord.objects.create(
        opp=opp,
        ouder=ouder,
        datum=datum,
        wijze=wijze,
        document=document,
        toelichting=toelichting,
        vastgelegd_door=door,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=akkoord,
        leerling=opp.leerling,
        omschrijving=f"akkoord ouder op handelingsdeel OPP versie {opp.versie}: {akkoord.wijze}",
    )
    return akkoord
