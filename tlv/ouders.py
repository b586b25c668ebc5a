"""The ouders' part of the TLV-aanvraagformulier in the ouderportaal [issue 17; 002 §1.3, §1.4,
bijlage 3.11.1 'Ondertekend TLV-aanvraagformulier (ouders en directeur)'].

While the aanvraag is a concept (or information is requested, AANGEHOUDEN) an ouder with gezag
reads the summary meant for ouders and signs it with a fresh e-mail code, and writes a zienswijze.
The summary is what the school wrote for the aanvraag: soort, gevraagde schoolsoort (and
categorie), onderwijs- en ondersteuningsbehoeften, waarom de school er niet in kan voorzien. Never
the deskundigen' advices, the SC's judgement or internal notes.

What is hashed (SHA-256): JSON of {"serialisatie": "passend-tlv-ouders-v1", "aanvraag": id,
"leerling": id, and the SAMENVATTING fields below as stored}, sorted keys, separators "," and ":",
ensure_ascii=False, UTF-8. A school that changes the summary after a signature changes the hash:
the staff page then says the signature was for an earlier text."""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.ouderportaal import selectors
from cases.ouderportaal.services.ondertekenen import bevestig_email_code, controleer_tekst
from cases.services.audit import log
from tlv.models import OuderHandtekeningAanvraag, Status, TLVAanvraag, ZienswijzeAanvraag

VOOR_OUDERS = (Status.CONCEPT, Status.AANGEHOUDEN)
SAMENVATTING = (
    "soort",
    "gevraagde_schoolsoort",
    "gevraagde_categorie",
    "onderwijsbehoeften",
    "waarom_niet_regulier",
)
SERIALISATIE = "passend-tlv-ouders-v1"


def canoniek(aanvraag: TLVAanvraag) -> bytes:
    inhoud = {
        "serialisatie": SERIALISATIE,
        "aanvraag": aanvraag.pk,
        "leerling": aanvraag.leerling_id,
        **{veld: getattr(aanvraag, veld) or "" for veld in SAMENVATTING},
    }
    return json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sha256(aanvraag: TLVAanvraag) -> str:
    return hashlib.sha256(canoniek(aanvraag)).hexdigest()


# --- reads -----------------------------------------------------------------------------------------
def aanvragen_van(user, kind) -> list[TLVAanvraag]:
    """The aanvragen of this child that wait for the ouders (concept, or information requested)."""
    return list(
        TLVAanvraag.objects.filter(leerling=kind, status__in=VOOR_OUDERS).order_by("-aangemaakt_op", "-pk")
    )


def aanvraag_van(user, pk: int) -> TLVAanvraag:
    """One aanvraag of this user's child, while it is for ouders; else 404."""
    kinderen = {k.pk: k for k in selectors.kinderen_van(user)}
    aanvraag = (
        TLVAanvraag.objects.filter(pk=pk, leerling_id__in=kinderen, status__in=VOOR_OUDERS)
        .select_related("school")
        .first()
    )
    if aanvraag is None:
        raise Http404("Deze aanvraag hoort niet bij uw account.")
    aanvraag.leerling = kinderen[aanvraag.leerling_id]
    return aanvraag


def handtekeningen_van(user, aanvraag) -> list[OuderHandtekeningAanvraag]:
    ouders = selectors.ouders_van(user, aanvraag.leerling)
    return list(OuderHandtekeningAanvraag.objects.filter(aanvraag=aanvraag, ouder__in=ouders))


def zienswijzen_van(user, aanvraag) -> list[ZienswijzeAanvraag]:
    ouders = selectors.ouders_van(user, aanvraag.leerling)
    return list(ZienswijzeAanvraag.objects.filter(aanvraag=aanvraag, ouder__in=ouders))


def weigerreden(user, aanvraag: TLVAanvraag) -> str | None:
    if aanvraag.status not in VOOR_OUDERS:
        return "Deze aanvraag is al ingediend. U kunt hem nu niet meer ondertekenen."
    ouders = selectors.ouders_van(user, aanvraag.leerling)
    if not ouders:
        return "Alleen een ouder of voogd met gezag kan ondertekenen. Volgens het dossier heeft u geen gezag."
    getekend = OuderHandtekeningAanvraag.objects.filter(aanvraag=aanvraag, ouder__in=ouders).first()
    if getekend is not None:
        return (
            "U heeft deze aanvraag al ondertekend, op "
            f"{timezone.localtime(getekend.ondertekend_op):%d-%m-%Y}."
        )
    return None


# --- acts ------------------------------------------------------------------------------------------
def onderteken(*, gebruiker, aanvraag: TLVAanvraag, gelezen: bool, code: str, sha: str, request=None):
    """[002 §1.3, §1.4; issue 17] Tick + fresh e-mail code, on the text the page showed."""
    reden = weigerreden(gebruiker, aanvraag)
    if reden:
        raise ValidationError(reden)
    if not gelezen:
        raise ValidationError(
            {"gelezen": "Zet eerst een vinkje: u heeft de aanvraag gelezen en gaat akkoord."}
        )
    if sha != sha256(aanvraag):
        raise ValidationError(
            {"gelezen": "De aanvraag is veranderd sinds u de pagina opende. Lees hem opnieuw."}
        )
    bevestig_email_code(gebruiker=gebruiker, code=code, request=request)
    return _leg_vast(gebruiker=gebruiker, aanvraag=aanvraag, request=request)


@transaction.atomic
def _leg_vast(*, gebruiker, aanvraag: TLVAanvraag, request=None) -> OuderHandtekeningAanvraag:
    vers = TLVAanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    vers.leerling = aanvraag.leerling
    reden = weigerreden(gebruiker, vers)
    if reden:
        raise ValidationError(reden)
    ouder = selectors.ouders_van(gebruiker, vers.leerling)[0]
    handtekening = OuderHandtekeningAanvraag.objects.create(
        aanvraag=vers, ouder=ouder, gebruiker=gebruiker, sha256=sha256(vers)
    )
    if vers.ouders_ondertekend_op is None:
        # A plain update: the form's fields are the school's; this one date is the ouders'.
        TLVAanvraag.objects.filter(pk=vers.pk).update(ouders_ondertekend_op=timezone.localdate())
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=gebruiker,
        obj=vers,
        leerling=vers.leerling,
        omschrijving="ouderportaal: TLV-aanvraag digitaal ondertekend door ouder "
        f"(sha256 {handtekening.sha256[:12]}…)",
    )
    return handtekening


@transaction.atomic
def schrijf_zienswijze(*, gebruiker, aanvraag: TLVAanvraag, tekst: str, request=None) -> ZienswijzeAanvraag:
    tekst = controleer_tekst(tekst)
    if aanvraag.status not in VOOR_OUDERS:
        raise ValidationError(
            "Deze aanvraag is al ingediend. Neem contact op met de school als u iets wilt zeggen."
        )
    ouders = selectors.ouders_van(gebruiker, aanvraag.leerling)
    if not ouders:
        raise ValidationError("Alleen een ouder of voogd met gezag kan een zienswijze geven.")
    zienswijze = ZienswijzeAanvraag.objects.create(
        aanvraag=aanvraag, ouder=ouders[0], tekst=tekst, geschreven_door=gebruiker
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=gebruiker,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving="ouderportaal: zienswijze op TLV-aanvraag geschreven",
    )
    return zienswijze
