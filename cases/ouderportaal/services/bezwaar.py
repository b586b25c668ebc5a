"""Bezwaar in the ouderportaal [issue 17, part 2; 002 §1.12; 004 L776-781; Awb 6:7, 6:8, 6:11]:
an ouder with gezag objects to a decision letter that carries a bezwaarclausule, for a TLV
decision or a verwijdering. The zaak's own service registers it, on the ouder's behalf and
received today (tlv registreer_bezwaar_van_ouder, verzuim bezwaar_portaal); a late bezwaar carries
the ouder's reason, the judgement (verschoonbaar or not) stays with the SLL / the directeur.
One bezwaar per decision: the OuderBezwaar's OneToOne on the letter, and the zaak's own check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.models.brieven import Brief
from cases.ouderportaal.models.inbreng import OuderBezwaar
from cases.ouderportaal.selectors import ouders_van
from cases.ouderportaal.services.documenten import stuur_document
from cases.services.audit import log
from cases.termijnen import bezwaartermijn_einde, plus_werkdagen

# The decisions whose bezwaar the portal registers in their own procedure [issue 17].
TLV_ZAAK, VERWIJDERING_ZAAK = ("tlv", "tlvaanvraag"), ("verzuim", "verwijdering")
BEZWAAR_IN_PORTAAL = (TLV_ZAAK, VERWIJDERING_ZAAK)
AL_BEZWAAR = "U heeft al bezwaar gemaakt tegen dit besluit. U hoeft niets meer te doen."


@dataclass
class BezwaarMogelijkheid:
    """What the portal shows for a letter: can the ouder object, until when, what then."""

    brief: Brief
    zaak: object
    soort: str  # "tlv" or "verwijdering"
    termijn_einde: date
    bezwaar: OuderBezwaar | None
    al_geregistreerd: bool  # a bezwaar the school/SWV registered (e.g. received by post)

    @property
    def te_laat(self) -> bool:
        return timezone.localdate() > self.termijn_einde

    @property
    def bevestiging_uiterlijk(self) -> date | None:
        """TLV: the SLL confirms receipt within 5 werkdagen [002 §1.12]."""
        if self.bezwaar is None or self.soort != "tlv":
            return None
        return plus_werkdagen(self.bezwaar.ontvangen_op, 5)

    @property
    def beslissing_uiterlijk(self) -> date | None:
        if self.bezwaar is None or self.soort != "verwijdering":
            return None
        berekening = self.zaak.beslistermijn_bezwaar
        return berekening.einde if berekening else None


def mogelijkheid(brief: Brief) -> BezwaarMogelijkheid | None:
    """None when no bezwaar can be made in the portal against this letter: no bezwaarclausule, or
    not a TLV decision or a verwijdering."""
    if not brief.bezwaarclausule or brief.content_type_id is None:
        return None
    ct = brief.content_type
    zaak = brief.zaak
    if zaak is None:
        return None
    bestaand = OuderBezwaar.objects.filter(brief=brief).first()
    if (ct.app_label, ct.model) == TLV_ZAAK:
        if zaak.besluit_verzonden_op is None:
            return None
        return BezwaarMogelijkheid(
            brief,
            zaak,
            "tlv",
            bezwaartermijn_einde(zaak.besluit_verzonden_op),
            bestaand,
            zaak.bezwaren.exists(),
        )
    if (ct.app_label, ct.model) == VERWIJDERING_ZAAK:
        if zaak.besluit_verzonden_op is None:
            return None
        return BezwaarMogelijkheid(
            brief, zaak, "verwijdering", zaak.bezwaar.einde, bestaand, zaak.bezwaar_ontvangen_op is not None
        )
    return None


@transaction.atomic
def dien_bezwaar_in(
    *, door, brief: Brief, gronden: str, reden_te_laat: str = "", bijlage=None, request=None
) -> OuderBezwaar:
    """Register the ouder's bezwaar through the zaak's own service; an attachment joins the queue
    of documents of ouders (checked like every upload) and is linked to the bezwaar."""
    from tlv.services.bezwaar import registreer_bezwaar_van_ouder as tlv_bezwaar
    from verzuim.services.bezwaar_portaal import registreer_bezwaar_van_ouder as verwijdering_bezwaar

    m = mogelijkheid(brief)
    if m is None:
        raise ValidationError(
            "Tegen deze brief kunt u hier geen bezwaar maken: het is geen besluit met bezwaar."
        )
    ouders = ouders_van(door, brief.leerling)
    if not ouders:
        raise ValidationError("Alleen een ouder of verzorger met gezag kan bezwaar maken.")
    if m.bezwaar is not None or m.al_geregistreerd:
        raise ValidationError(AL_BEZWAAR)
    fout: dict[str, str] = {}
    if not gronden.strip():
        fout["gronden"] = "Schrijf op waarom u het niet eens bent met het besluit."
    if m.te_laat and not reden_te_laat.strip():
        fout["reden_te_laat"] = (
            f"De termijn voor bezwaar liep tot en met {m.termijn_einde:%d-%m-%Y}. "
            "Schrijf op waarom uw bezwaar later komt."
        )
    if fout:
        raise ValidationError(fout)
    document = None
    if bijlage is not None:
        try:
            document = stuur_document(
                door=door,
                kind=brief.leerling,
                titel=f"Bijlage bij bezwaar tegen brief {brief.kenmerk}",
                toelichting="Gestuurd met een bezwaar via het ouderportaal.",
                bestand=bijlage,
                request=request,
            )
        except ValidationError as exc:
            raise ValidationError({"bijlage": exc.message_dict.get("bestand", exc.messages)[0]}) from exc
    if m.soort == "tlv":
        tlv_bezwaar(
            aanvraag=m.zaak,
            door=door,
            gronden=gronden,
            toelichting_te_laat=reden_te_laat if m.te_laat else "",
            request=request,
        )
    else:
        verwijdering_bezwaar(
            verwijdering=m.zaak,
            door=door,
            toelichting_te_laat=reden_te_laat if m.te_laat else "",
            request=request,
        )
    bezwaar = OuderBezwaar.objects.create(
        brief=brief,
        leerling=brief.leerling,
        ouder=ouders[0],
        gebruiker=door,
        gronden=gronden.strip(),
        reden_te_laat=reden_te_laat.strip() if m.te_laat else "",
        ontvangen_op=timezone.localdate(),
        termijn_einde=m.termijn_einde,
        bijlage=document,
    )
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=bezwaar,
        leerling=brief.leerling,
        omschrijving="ouderportaal: bezwaar ingediend" + (" na de bezwaartermijn" if bezwaar.te_laat else ""),
    )
    return bezwaar
