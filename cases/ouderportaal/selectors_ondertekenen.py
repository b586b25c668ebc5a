"""Reads for signing and the zienswijze in the portal [issue 17]: the ouder's own signature and
zienswijzen on one OPP version (never the other parent's zienswijze: each writes his own)."""

from __future__ import annotations

from django.apps import apps

from cases.dossier.models.opp import OPPAkkoord
from cases.ouderportaal import selectors
from cases.ouderportaal.models.zienswijze import Zienswijze


def ondertekening_van(user, plan) -> dict:
    from cases.ouderportaal.services.ondertekenen import weigerreden

    ouders = selectors.ouders_van(user, plan.leerling)
    handtekening = OPPAkkoord.objects.filter(opp=plan, ouder__in=ouders).ondertekend().first()
    return {
        "handtekening": handtekening,
        "kan_ondertekenen": weigerreden(user, plan) is None,
        "mijn_zienswijzen": list(
            Zienswijze.objects.filter(opp=plan, ouder__in=ouders).order_by("-geschreven_op", "-pk")
        ),
    }


def te_doen(user, kind, opp) -> dict:
    """What waits for this ouder on the child page: the newest OPP to sign, TLV-aanvragen open to
    the ouders (tlv looked up by app label: the core does not import tlv)."""
    from cases.ouderportaal.services.ondertekenen import weigerreden

    TLVAanvraag = apps.get_model("tlv", "TLVAanvraag")
    return {
        "opp_te_tekenen": opp if opp is not None and weigerreden(user, opp) is None else None,
        "tlv_aanvragen": list(
            TLVAanvraag.objects.filter(leerling=kind, status__in=("concept", "aangehouden")).order_by("-pk")
        ),
    }
