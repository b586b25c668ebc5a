"""The "Mijn werk" panel and the dossier-timeline provider of the TLV app; they, the menu items and
the TLV's kinds of term are registered in tlv/registraties.py."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from cases.models.rollen import RolSoort
from cases.navigatie import Paneel
from cases.tijdlijn import TijdlijnItem
from tlv.models import Status, TLVAanvraag

# (role, state, (singular, plural) text, list url): what waits for whom.
WERK = [
    (
        RolSoort.DIRECTEUR,
        Status.CONCEPT,
        ("aanvraag wacht op uw handtekening", "aanvragen wachten op uw handtekening"),
        "tlv:lijst",
    ),
    (
        RolSoort.IB,
        Status.AANGEHOUDEN,
        ("aanvraag wacht op aanvullende informatie", "aanvragen wachten op aanvullende informatie"),
        "tlv:lijst",
    ),
    (
        RolSoort.SLL,
        Status.INGEDIEND,
        ("aanvraag voor de formele check", "aanvragen voor de formele check"),
        "tlv:lijst",
    ),
    (
        RolSoort.SLL,
        Status.AANGEHOUDEN,
        ("aanvraag aangehouden (informatie opgevraagd)", "aanvragen aangehouden (informatie opgevraagd)"),
        "tlv:lijst",
    ),
    (RolSoort.SLL, Status.IN_BEZWAAR, ("bezwaar in behandeling", "bezwaren in behandeling"), "tlv:lijst"),
    (
        RolSoort.SC,
        Status.INHOUDELIJKE_CHECK,
        ("aanvraag voor uw inhoudelijke check", "aanvragen voor uw inhoudelijke check"),
        "tlv:lijst",
    ),
    (
        RolSoort.TLA,
        Status.DESKUNDIGEN_TOEWIJZEN,
        ("aanvraag wacht op deskundigen", "aanvragen wachten op deskundigen"),
        "tlv:tla_werklijst",
    ),
    (
        RolSoort.TLA,
        Status.TLA_VERGADERING,
        ("aanvraag voor de TLA-vergadering", "aanvragen voor de TLA-vergadering"),
        "tlv:tla_werklijst",
    ),
    (
        RolSoort.TLA,
        Status.BIJ_VOORZITTER,
        ("eindadvies om voor te leggen", "eindadviezen om voor te leggen"),
        "tlv:tla_werklijst",
    ),
    (
        RolSoort.BESTUURDER,
        Status.TER_ONDERTEKENING,
        ("besluit ter ondertekening", "besluiten ter ondertekening"),
        "tlv:ter_ondertekening",
    ),
    (
        RolSoort.DESKUNDIGE,
        Status.ADVIEZEN,
        ("aanvraag in de adviesfase", "aanvragen in de adviesfase"),
        "tlv:mijn_aanvragen",
    ),
    (
        RolSoort.DESKUNDIGE,
        Status.EINDADVIES,
        ("aanvraag in de stap eindadvies", "aanvragen in de stap eindadvies"),
        "tlv:mijn_aanvragen",
    ),
]


def tlv_werk(user, scope) -> Paneel | None:
    """One query: the counts per state of the aanvragen the user may see."""
    werk = [w for w in WERK if scope.heeft(w[0])]
    if not werk:
        return None
    statussen = {w[1] for w in werk}
    tellingen = TLVAanvraag.objects.filter_for_user(user).aggregate(
        **{s.value: Count("pk", filter=Q(status=s)) for s in statussen}
    )
    regels = []
    for _rol, status, (enkel, meer), url in werk:
        aantal = tellingen.get(status.value) or 0
        if aantal:
            regels.append(
                {
                    "tekst": f"{aantal} {enkel if aantal == 1 else meer}",
                    "url": f"{reverse(url)}?status={status.value}",
                }
            )
    if not regels:
        return None
    return Paneel(
        titel="TLV",
        template="tlv/paneel.html",
        context={"regels": regels},
        volgorde=20,
        aantal=sum(tellingen.values()),
    )


# --- dossier timeline [cases/tijdlijn.py] --------------------------------------------------------


def tlv_tijdlijn(leerling_ids, *, user):
    """TLV-aanvragen the user may open: received (checklist step 10) and decided. One query."""
    rijen = (
        TLVAanvraag.objects.filter_for_user(user)
        .filter(leerling_id__in=leerling_ids)
        .values_list("pk", "leerling_id", "ontvangen_op", "besluit_op", "status", "aangemaakt_op")
    )
    items = []
    for pk, leerling_id, ontvangen, besluit, status, aangemaakt in rijen:
        url = reverse("tlv:detail", args=[pk])
        label = Status(status).label
        items.append(
            TijdlijnItem(
                leerling_id=leerling_id,
                datum=ontvangen or timezone.localtime(aangemaakt).date(),
                soort="TLV-aanvraag",
                titel="TLV-aanvraag ontvangen" if ontvangen else "TLV-aanvraag gestart (concept)",
                url=url,
                status=label,
                stap=10,
                volgorde=40,
            )
        )
        if besluit:
            items.append(
                TijdlijnItem(
                    leerling_id=leerling_id,
                    datum=besluit,
                    soort="TLV-besluit",
                    titel=f"Besluit TLV: {label}",
                    url=url,
                    status=label,
                    volgorde=41,
                )
            )
    return items
