"""A decision to remove counts from the day it was made known [issue 17; Awb 3:41, 6:8; 004 L776-781]:
when the school records that the besluit tot verwijdering was posted or handed over on a later day
than the decision, the bezwaartermijn starts from that day — as long as no bezwaar is registered."""

from __future__ import annotations

from cases.models.audit import AuditActie
from cases.services.audit import log
from cases.services.brieven import registreer_bekendmaking


@registreer_bekendmaking
def verwijdering_bekendgemaakt(brief, request) -> None:
    from verzuim.models import Verwijdering

    ct = brief.content_type
    if (
        ct is None
        or (ct.app_label, ct.model) != ("verzuim", "verwijdering")
        or brief.soort != "verwijdering_besluit"
    ):
        return
    v = Verwijdering.objects.select_for_update().get(pk=brief.object_id)
    op = brief.bekendgemaakt_op
    if v.besluit_verzonden_op is None or op <= v.besluit_verzonden_op or v.bezwaar_ontvangen_op is not None:
        return
    oud = v.besluit_verzonden_op
    Verwijdering.objects.filter(pk=v.pk).update(besluit_verzonden_op=op)
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=brief.verzonden_door,
        obj=v,
        leerling=v.leerling,
        omschrijving=f"besluit bekendgemaakt op {op:%d-%m-%Y} (genomen {oud:%d-%m-%Y}): de bezwaartermijn "
        "loopt vanaf de bekendmaking",
    )
