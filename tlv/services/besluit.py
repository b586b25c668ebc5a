"""The directeur-bestuurder's decision: sign (re-entering the password) or send back with
questions. Signing creates the TLV, the decision letter with its bezwaarclausule and the
signature (who, when, SHA-256 of the exact letter text), and ends the deskundigen' access.
A second click, tab or concurrent signer waits on the row lock and then finds the decision
taken: TransitionNotAllowed [002 §1.7, §1.10, §1.11]."""

from __future__ import annotations

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import brief_html, maak_brief
from cases.termijnen import bezwaartermijn_einde
from cases.termijnen.models.termijnen import TermijnSoort
from cases.tweefactor import bevestig_handtekening
from cases.workflow import OvergangGeweigerd, vergrendel
from tlv import termijnregistratie
from tlv.models import TLV, Handtekening, Periode, Soort, Status, TLVAanvraag
from tlv.services.basis import stap
from tlv.services.deskundigen import beeindig_toewijzingen
from tlv.termijnen import einddatum_tlv, groep_op, periode_voor_groep, volgend_instroommoment

BESLUIT_STAP = {"afgeven": "afgeven", "niet_toekennen": "niet_toekennen", "aanhouden": "besluit_aanhouden"}
BRIEF = {
    "afgeven": ("tlv_afgegeven", "Besluit: toelaatbaarheidsverklaring afgegeven"),
    "niet_toekennen": ("tlv_niet_toegekend", "Besluit: toelaatbaarheidsverklaring niet toegekend"),
    "aanhouden": ("tlv_aangehouden", "Besluit: aanvraag toelaatbaarheidsverklaring aangehouden"),
}


def ingangsdatum_voor(aanvraag: TLVAanvraag, besluit_op: date) -> date:
    """The SC's reasoned deviation, else the next instroommoment [002 §1.16]."""
    if aanvraag.ingangsdatum_afwijkend:
        return aanvraag.ingangsdatum_afwijkend
    return volgend_instroommoment(besluit_op, onderinstroom=aanvraag.soort == Soort.ONDERINSTROOM)


def tlv_gegevens(aanvraag: TLVAanvraag, besluit_op: date) -> dict:
    """What the TLV will say when signed on `besluit_op` (also shown before signing)."""
    e = aanvraag.eindadvies
    ingang = ingangsdatum_voor(aanvraag, besluit_op)
    groep = groep_op(aanvraag.groep, aanvraag.ontvangen_op or besluit_op, ingang)
    periode = e.periode or ("emb" if aanvraag.emb else periode_voor_groep(groep))
    eind = einddatum_tlv(
        periode=periode,
        ingangsdatum=ingang,
        groep_bij_ingang=groep,
        geboortedatum=aanvraag.leerling.geboortedatum,
        einddatum_afwijkend=e.einddatum_afwijkend,
    )
    return {
        "ingangsdatum": ingang,
        "einddatum": eind,
        "periode": periode,
        "groep_bij_ingang": groep,
        "schoolsoort": e.schoolsoort,
        "categorie": e.categorie if e.schoolsoort == "so" else "",
    }


def _brief_context(aanvraag: TLVAanvraag, besluit_op: date, tlv: TLV | None) -> dict:
    e = aanvraag.eindadvies
    swv = aanvraag.swv
    deskundigen = [
        {
            "naam": t.deskundige.get_full_name() or t.deskundige.username,
            "discipline": t.get_discipline_display(),
            "volgorde": t.get_volgorde_display(),
        }
        for t in aanvraag.toewijzingen.filter(beeindigd_op__isnull=True)
        .select_related("deskundige")
        .order_by("volgorde")
    ]
    ctx = {
        "school": aanvraag.school.naam,
        "soort_aanvraag": aanvraag.get_soort_display(),
        "ontvangen_op": aanvraag.ontvangen_op,
        "besluit_op": besluit_op,
        "gemotiveerd_besluit": e.gemotiveerd_besluit,
        "diagnose_bron": e.diagnose_bron if e.diagnose_genoemd else "",
        "doelen": e.doelen,
        "deskundigen": deskundigen,
        "bezwaar_termijn_einde": bezwaartermijn_einde(besluit_op),
        "bezwaar_aan": f"de directeur-bestuurder van {swv.naam}",
        "bezwaar_adres": ", ".join(p for p in (swv.adres, swv.postcode_plaats) if p),
    }
    if tlv is not None:
        ctx.update(
            {
                "tlv_kenmerk": tlv.kenmerk,
                "schoolsoort": tlv.schoolsoort,
                "categorie": tlv.categorie,
                "periode": dict(Periode.choices).get(tlv.periode, tlv.periode),
                "ingangsdatum": tlv.ingangsdatum,
                "einddatum": tlv.einddatum,
                "ingangsdatum_afwijking_reden": aanvraag.ingangsdatum_afwijking_reden
                if aanvraag.ingangsdatum_afwijkend
                else "",
            }
        )
    return ctx


def onderteken(
    *, aanvraag: TLVAanvraag, door, wachtwoord: str, code: str, request=None, op: date | None = None
):
    """Sign the decision the eindadvies proposes, with password and a current code of the
    signer's authenticator app [issue 14]. Returns the Handtekening. The check runs before the
    transaction: a refusal keeps its audit row and counts toward the lockout."""
    bevestig_handtekening(door=door, wachtwoord=wachtwoord, code=code, request=request)
    return _onderteken(aanvraag=aanvraag, door=door, request=request, op=op)


@transaction.atomic
def _onderteken(*, aanvraag: TLVAanvraag, door, request=None, op: date | None = None):
    aanvraag = vergrendel(aanvraag)
    op = op or timezone.localdate()
    e = aanvraag.eindadvies_of_none()
    if e is None or e.besluit not in BESLUIT_STAP:
        if aanvraag.status != Status.TER_ONDERTEKENING:
            raise OvergangGeweigerd(
                [f"Ondertekenen kan niet in de status '{Status(aanvraag.status).label}'."]
            )
        raise OvergangGeweigerd(["Niet voldaan: het eindadvies noemt geen besluit [002 §1.11]."])
    naam = BESLUIT_STAP[e.besluit]
    stap(aanvraag, naam, door=door, request=request, datum=op, op=op, omschrijving="ondertekend")
    tlv = None
    if naam == "afgeven":
        g = tlv_gegevens(aanvraag, op)
        tlv = TLV.objects.create(
            aanvraag=aanvraag,
            swv_id=aanvraag.swv_id,
            leerling_id=aanvraag.leerling_id,
            kenmerk=f"TLV-{op:%Y}-{aanvraag.pk:05d}",
            soort=aanvraag.soort,
            schoolsoort=g["schoolsoort"],
            categorie=g["categorie"],
            periode=g["periode"],
            ingangsdatum=g["ingangsdatum"],
            einddatum=g["einddatum"],
            afgegeven_op=op,
        )
    soort, onderwerp = BRIEF[e.besluit]
    brief = maak_brief(
        zaak=aanvraag,
        leerling=aanvraag.leerling,
        soort=soort,
        template=f"brieven/{soort}.html",
        onderwerp=onderwerp,
        context=_brief_context(aanvraag, op, tlv),
        door=door,
        bezwaarclausule=True,
        ondertekenaar=f"{door.get_full_name() or door.username}, directeur-bestuurder",
    )
    handtekening = Handtekening.objects.create(
        aanvraag=aanvraag,
        door=door,
        op=timezone.now(),
        besluit=aanvraag.status,
        brief=brief,
        sha256=hashlib.sha256(brief_html(brief).encode("utf-8")).hexdigest(),
    )
    beeindig_toewijzingen(aanvraag=aanvraag, door=door, reden="besluit genomen", request=request)
    termijnregistratie.rond_af(
        aanvraag,
        TermijnSoort.TLV_BESLISTERMIJN,
        op=op,
        reden=Status(aanvraag.status).label,
        door=door,
        request=request,
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"besluit ondertekend ({Status(aanvraag.status).label}), brief {brief.kenmerk}",
    )
    return handtekening


@transaction.atomic
def stuur_terug(*, aanvraag: TLVAanvraag, door, vragen: str, request=None) -> TLVAanvraag:
    """The directeur-bestuurder does not adopt the advice: back to the commissie with questions."""
    aanvraag = vergrendel(aanvraag)
    if not vragen.strip():
        raise ValidationError({"vragen": "Schrijf de vragen voor de commissie."})
    aanvraag.vragen_bestuurder = vragen
    return stap(aanvraag, "terugsturen_met_vragen", door=door, request=request, omschrijving="teruggestuurd")
