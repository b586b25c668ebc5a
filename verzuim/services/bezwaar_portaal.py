"""A bezwaar against a verwijdering submitted by an ouder in the ouderportaal [issue 17; 004
L776-781; Awb 6:11]. The system registers it on the ouder's behalf, received today: `door` is the
ouder's account, which must link to an Ouder record with gezag over the child (no staff role is
assumed, and the directeur's own registreer_bezwaar stays directeur-only). A late bezwaar carries
the ouder's reason; whether the lateness is verschoonbaar is the directeur's judgement, recorded
afterwards here (beoordeel_termijnoverschrijding) before a decision on the bezwaar can be taken."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models.audit import AuditActie
from cases.services.audit import log
from verzuim.models import Verwijdering
from verzuim.services import weiger
from verzuim.services.bezwaar_verwijdering import _verwijdering, leg_bezwaar_vast


@transaction.atomic
def registreer_bezwaar_van_ouder(
    *, verwijdering: Verwijdering, door, toelichting_te_laat: str = "", request=None
) -> Verwijdering:
    from cases.ouderportaal.selectors import ouders_van

    v = (
        Verwijdering.objects.select_for_update(of=("self",))
        .select_related("school__bestuur", "leerling")
        .get(pk=verwijdering.pk)
    )
    if not ouders_van(door, v.leerling):
        raise PermissionDenied(
            "Alleen een ouder of verzorger met gezag over dit kind kan via het ouderportaal bezwaar maken."
        )
    return leg_bezwaar_vast(
        v,
        ontvangen_op=timezone.localdate(),
        verschoonbaar=None,
        verschoonbaar_reden="",
        door=door,
        request=request,
        via_portaal=True,
        toelichting_te_laat=toelichting_te_laat,
    )


@transaction.atomic
def beoordeel_termijnoverschrijding(
    *, verwijdering: Verwijdering, verschoonbaar: bool | None, verschoonbaar_reden: str, door, request=None
) -> Verwijdering:
    """The directeur judges a late bezwaar: verschoonbaar or not, with reasons (Awb 6:11)
    [004 L776-781]. The ouder's own reason (bezwaar_toelichting_te_laat) is input, not the verdict."""
    v = _verwijdering(verwijdering, door)
    if v.bezwaar_ontvangen_op is None:
        raise weiger("Er is nog geen bezwaar geregistreerd.")
    if not v.bezwaar_te_laat:
        raise weiger("Het bezwaar kwam binnen de bezwaartermijn binnen; er is niets te beoordelen.")
    if v.bezwaar_uitkomst:
        raise weiger("Op het bezwaar is al beslist.")
    fouten = {}
    if verschoonbaar is None:
        fouten["verschoonbaar"] = "Kies of de overschrijding verschoonbaar is."
    if not verschoonbaar_reden.strip():
        fouten["verschoonbaar_reden"] = "Motiveer waarom de overschrijding wel of niet verschoonbaar is."
    if fouten:
        raise ValidationError(fouten)
    v.bezwaar_verschoonbaar, v.bezwaar_verschoonbaar_reden = verschoonbaar, verschoonbaar_reden.strip()
    v.save(update_fields=["bezwaar_verschoonbaar", "bezwaar_verschoonbaar_reden"])
    log(
        request=request,
        user=door,
        actie=AuditActie.GEWIJZIGD,
        obj=v,
        leerling=v.leerling,
        omschrijving="termijnoverschrijding bezwaar beoordeeld: "
        + ("verschoonbaar" if verschoonbaar else "niet verschoonbaar"),
    )
    return v
