"""Demo of consent in the ouderportaal [issue 17]; runs after cases.demo.ouderportaal.

Noor's mother Marieke gave consent in the portal to ask information from the (fictitious)
kinderdagverblijf and withdrew an earlier one; the school recorded a paper consent for onderzoek.
So the portal page, the dossier panel and the zorgplicht hint show current and withdrawn consents.
Idempotent: nothing is added when Noor already has consents."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import Leerling, Toestemming
from cases.ouderportaal.models.toestemming import ToestemmingOnderwerp, ToestemmingVia


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    noor = Leerling.objects.filter(swv=wereld.swv, voornaam="Noor", achternaam="Verhoevendijk").first()
    marieke = noor.ouders.filter(email="marieke@ouders.example").first() if noor else None
    if marieke is None:
        stdout.write("Toestemming-demo: Noor of Marieke niet gevonden, overgeslagen.")
        return
    if Toestemming.objects.filter(leerling=noor).exists():
        return
    nu = timezone.now()
    rijen = [
        (
            ToestemmingOnderwerp.INFORMATIE_DERDEN,
            "Kinderdagverblijf Het Speelhuis",
            ToestemmingVia.PORTAAL,
            20,
            None,
        ),
        (
            ToestemmingOnderwerp.ONDERZOEK,
            "Orthopedagoog van het samenwerkingsverband",
            ToestemmingVia.PAPIER,
            12,
            None,
        ),
        (ToestemmingOnderwerp.SOCIAAL_TEAM, "Sociaal team Noordhoek", ToestemmingVia.PORTAAL, 40, 9),
    ]
    for onderwerp, scope, via, dagen, ingetrokken in rijen:
        Toestemming.objects.create(
            leerling=noor,
            ouder=marieke,
            onderwerp=onderwerp,
            scope=scope,
            via=via,
            gegeven_op=nu - timedelta(days=dagen),
            ingetrokken_op=nu - timedelta(days=ingetrokken) if ingetrokken else None,
        )
    stdout.write("Toestemming-demo: Noor heeft twee geldige en één ingetrokken toestemming.")
