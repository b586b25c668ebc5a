"""The TLV decision counts from the day it was made known [issue 17; Awb 3:41, 6:8; 002 §1.12]: when
the SLL records that the signed decision letter was posted (or handed over) on a later day than it
was signed, the bezwaartermijn starts from that later day — as long as no bezwaar is registered yet
(a bezwaar already received was judged against the term as it then stood)."""

from __future__ import annotations

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import registreer_bekendmaking


@registreer_bekendmaking
def tlv_besluit_bekendgemaakt(brief, request) -> None:
    from tlv.models import TLVAanvraag
    from tlv.models.besluit import Handtekening

    ct = brief.content_type
    if ct is None or (ct.app_label, ct.model) != ("tlv", "tlvaanvraag"):
        return
    if not Handtekening.objects.filter(brief_id=brief.pk).exists():
        return  # not the decision letter (an opschorting, a verdaging, a decision on bezwaar)
    aanvraag = TLVAanvraag.objects.select_for_update().get(pk=brief.object_id)
    op = brief.bekendgemaakt_op
    if aanvraag.besluit_verzonden_op is None or op <= aanvraag.besluit_verzonden_op:
        return
    if aanvraag.bezwaren.exists():
        return
    oud = aanvraag.besluit_verzonden_op
    TLVAanvraag.objects.filter(pk=aanvraag.pk).update(besluit_verzonden_op=op)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=brief.verzonden_door,
        obj=aanvraag,
        leerling=aanvraag.leerling,
        omschrijving=f"besluit bekendgemaakt op {op:%d-%m-%Y} (ondertekend {oud:%d-%m-%Y}): de "
        "bezwaartermijn loopt vanaf de bekendmaking",
    )
