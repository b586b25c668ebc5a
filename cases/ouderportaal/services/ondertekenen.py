"""What ouders do in the portal, part 1 [issue 17]: sign the handelingsdeel of one OPP version and
write a zienswijze on it. A signature needs a fresh e-mail code (the ouders' second factor, as
`tweefactor.bevestig_handtekening` asks a TOTP code of staff); a wrong code counts toward the
lockout (`tweefactor.meld_mislukt`, audited through cases/signals.py). Every action is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases import tweefactor
from cases.dossier import handelingsdeel
from cases.dossier.models.opp import OPP, AkkoordWijze, OPPAkkoord
from cases.dossier.models.ot import Status
from cases.models.audit import AuditActie
from cases.models.leerling import Ouder
from cases.ouderportaal import selectors
from cases.ouderportaal.models.zienswijze import MAX_TEKENS, Zienswijze
from cases.services.audit import log

NIETS_GETEKEND = "Er is niets ondertekend."


# --- the e-mail code as the second factor of a signature -------------------------------------------
def stuur_code(*, gebruiker, request=None) -> bool:
    """A fresh code to the ouder's e-mail device; False while the last one is less than a minute old."""
    apparaat = tweefactor.email_apparaat(gebruiker)
    if apparaat is None:
        raise ValidationError("Uw account heeft geen e-mailadres voor codes. Neem contact op met de school.")
    if not apparaat.generate_is_allowed()[0]:
        return False
    tweefactor.stuur_email_code(apparaat)
    return True


def bevestig_email_code(*, gebruiker, code: str, request=None, niets: str = NIETS_GETEKEND) -> None:
    """A current e-mail code of `gebruiker`, or a ValidationError on the field "code". Counted toward
    the lockout and refused while locked. Call outside the transaction that a refusal rolls back."""
    naam = gebruiker.username
    if request is not None and tweefactor.is_geblokkeerd(request, naam):
        tweefactor.meld_mislukt(request, naam, tweefactor.STAP_ONDERTEKENEN_CODE)
        raise ValidationError({"code": f"{tweefactor.blokkade_melding()} {niets}"})
    apparaat = tweefactor.email_apparaat(gebruiker)
    code = (code or "").strip().replace(" ", "")
    if apparaat is None or not code.isdigit() or not apparaat.verify_token(code):
        if request is not None and tweefactor.meld_mislukt(request, naam, tweefactor.STAP_ONDERTEKENEN_CODE):
            raise ValidationError({"code": f"{tweefactor.blokkade_melding()} {niets}"})
        raise ValidationError(
            {
                "code": "De code klopt niet of is verlopen. Vul de code uit de nieuwste e-mail in, of "
                f"vraag een nieuwe code. {niets}"
            }
        )


# --- the handelingsdeel ---------------------------------------------------------------------------
def ouder_met_gezag(gebruiker, plan: OPP) -> Ouder:
    """This account's Ouder record for the OPP's child (gezag now), else the reason why not."""
    ouders = selectors.ouders_van(gebruiker, plan.leerling)
    if not ouders:
        raise ValidationError(
            "Alleen een ouder of voogd met gezag kan het handelingsdeel ondertekenen. Volgens het dossier "
            "heeft u nu geen gezag."
        )
    return ouders[0]


def weigerreden(gebruiker, plan: OPP) -> str | None:
    """Why this ouder cannot sign this version now, in plain Dutch; None when he can."""
    if plan.status != Status.VASTGESTELD:
        return (
            "Dit plan is nog niet klaar (het is een concept). U kunt alleen een vastgesteld plan "
            "ondertekenen."
        )
    nieuwste = (
        OPP.objects.filter(leerling_id=plan.leerling_id, status=Status.VASTGESTELD)
        .order_by("-versie")
        .values_list("pk", flat=True)
        .first()
    )
    if nieuwste != plan.pk:
        return (
            f"Dit is een oudere versie (versie {plan.versie}). Er is een nieuwere versie van het plan. U "
            "kunt alleen de nieuwste versie ondertekenen."
        )
    ouders = selectors.ouders_van(gebruiker, plan.leerling)
    if not ouders:
        return "Alleen een ouder of voogd met gezag kan ondertekenen. Volgens het dossier heeft u geen gezag."
    getekend = OPPAkkoord.objects.filter(opp=plan, ouder__in=ouders).ondertekend().first()
    if getekend is not None:
        return f"U heeft het handelingsdeel van deze versie al ondertekend, op {getekend.datum:%d-%m-%Y}."
    return None


def onderteken_handelingsdeel(
    *, gebruiker, opp: OPP, gelezen: bool, code: str, sha256: str, request=None
) -> OPPAkkoord:
    """The ouder's digital signature [002 L742, L1250; issue 17]: read and agreed (the tick), a fresh
    e-mail code, on the newest vastgesteld version; `sha256` is the hash of the text the page
    showed, so a signature is never put on a text the ouder did not see."""
    fout: dict[str, str] = {}
    reden = weigerreden(gebruiker, opp)
    if reden:
        raise ValidationError(reden)
    if not gelezen:
        fout["gelezen"] = "Zet eerst een vinkje: u heeft het handelingsdeel gelezen en gaat akkoord."
    if sha256 != handelingsdeel.sha256(opp):
        fout["gelezen"] = "Het handelingsdeel is veranderd sinds u de pagina opende. Lees het opnieuw."
    if fout:
        raise ValidationError(fout)
    bevestig_email_code(gebruiker=gebruiker, code=code, request=request)
    return _leg_vast(gebruiker=gebruiker, opp=opp, request=request)


@transaction.atomic
def _leg_vast(*, gebruiker, opp: OPP, request=None) -> OPPAkkoord:
    plan = OPP.objects.select_for_update(of=("self",)).select_related("leerling").get(pk=opp.pk)
    plan.leerling = opp.leerling
    reden = weigerreden(gebruiker, plan)  # again, under the lock: two tabs sign once
    if reden:
        raise ValidationError(reden)
    ouder = ouder_met_gezag(gebruiker, plan)
    akkoord = OPPAkkoord.objects.create(
        opp=plan,
        ouder=ouder,
        datum=timezone.localdate(),
        wijze=AkkoordWijze.DIGITAAL,
        sha256=handelingsdeel.sha256(plan),
        toelichting="Ondertekend in het ouderportaal met een code per e-mail.",
        vastgelegd_door=gebruiker,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=gebruiker,
        obj=akkoord,
        leerling=plan.leerling,
        omschrijving=f"ouderportaal: handelingsdeel OPP versie {plan.versie} digitaal ondertekend "
        f"(sha256 {akkoord.sha256[:12]}…)",
    )
    return akkoord


# --- the zienswijze ---------------------------------------------------------------------------------
def controleer_tekst(tekst: str) -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf eerst uw mening op. Het veld is nog leeg."})
    if len(tekst) > MAX_TEKENS:
        raise ValidationError(
            {"tekst": f"Uw tekst is te lang ({len(tekst)} tekens). Het kan tot {MAX_TEKENS} tekens."}
        )
    return tekst


@transaction.atomic
def schrijf_zienswijze_opp(*, gebruiker, opp: OPP, tekst: str, request=None) -> Zienswijze:
    """A new zienswijze of the ouder on a vastgesteld OPP version; an earlier one stays as it was."""
    tekst = controleer_tekst(tekst)
    if opp.status != Status.VASTGESTELD:
        raise ValidationError("U kunt alleen uw mening geven over een vastgesteld plan.")
    ouder = ouder_met_gezag(gebruiker, opp)
    zienswijze = Zienswijze.objects.create(opp=opp, ouder=ouder, tekst=tekst, geschreven_door=gebruiker)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=gebruiker,
        obj=zienswijze,
        leerling=opp.leerling,
        omschrijving=f"ouderportaal: zienswijze op OPP versie {opp.versie} geschreven",
    )
    return zienswijze
