"""Letters reach ouders through the portal [issue 17 'Letters reach ouders'; Awb 2:14, 3:41].

When a letter's PDF is stored, every ouder it is addressed to who has an active portal account gets
an e-mail that a letter is ready (no content in the mail) and sees the letter in the portal. When
every addressee has such an account the letter is made known in the portal that day: recorded as
sent ("in het ouderportaal"), and the bezwaartermijn runs from it. An ouder without an account
keeps getting post: the letter then stays in "Brieven versturen" for the sender."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cases.models.brieven import Brief, VerzendWijze
from cases.ouderportaal.selectors import namen_op
from cases.services.brieven import markeer_verzonden, registreer_na_render


@registreer_na_render
def naar_het_portaal(brief: Brief) -> None:
    from cases.models import OuderKoppeling
    from cases.ouderportaal.models.berichten import BriefBericht
    from cases.services.uitgaand import plan_taak
    from cases.tasks import stuur_briefbericht_task

    if not brief.aan_ouders or brief.leerling_id is None or brief.is_verzonden:
        return
    namen = namen_op(brief)
    koppelingen = (
        OuderKoppeling.objects.actief()
        .filter(ouder__leerling_id=brief.leerling_id, gebruiker__is_active=True)
        .select_related("ouder", "gebruiker")
    )
    bereikt = [k for k in koppelingen if k.ouder.naam.strip().lower() in namen]
    for k in bereikt:
        bericht, nieuw = BriefBericht.objects.get_or_create(brief=brief, gebruiker=k.gebruiker)
        if nieuw:
            plan_taak(stuur_briefbericht_task, bericht.pk)
    if bereikt and {k.ouder.naam.strip().lower() for k in bereikt} >= namen:
        markeer_verzonden(brief=brief, door=None, wijze=VerzendWijze.PORTAAL, op=timezone.localdate())


def stuur_briefbericht(bericht_id: int) -> bool:
    """Send the 'a letter is ready' mail once; nothing when the account or its access is gone."""
    from cases.models import OuderKoppeling
    from cases.ouderportaal.models.berichten import BriefBericht

    with transaction.atomic():
        bericht = (
            BriefBericht.objects.select_for_update(of=("self",))
            .select_related("gebruiker", "brief__swv")
            .filter(pk=bericht_id)
            .first()
        )
        if bericht is None or bericht.verstuurd_op is not None:
            return False
        gebruiker = bericht.gebruiker
        toegang = OuderKoppeling.objects.actief().filter(
            gebruiker=gebruiker, ouder__leerling_id=bericht.brief.leerling_id
        )
        if not gebruiker.is_active or not gebruiker.email or not toegang.exists():
            return False
        context = {
            "swv": bericht.brief.swv.naam,
            "link": settings.PASSEND_BASIS_URL.rstrip("/") + reverse("ouders:start"),
        }
        send_mail(
            "Er staat een nieuwe brief voor u klaar",
            render_to_string("ouders/brief_klaar_email.txt", context),
            None,
            [gebruiker.email],
        )
        bericht.verstuurd_op = timezone.now()
        bericht.save(update_fields=["verstuurd_op"])
    return True
