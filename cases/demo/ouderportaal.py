"""Demo of the ouderportaal [issue 17]; runs after the other demo modules (DEMO_APPS).

Marieke Verhoevendijk, mother of the scenario pupil Noor, has an active portal account
(`marieke@ouders.example`, password "demo", second step by e-mail code: the demo shows the code on
the page because .example addresses cannot receive mail). Noor's father Joost has an invitation
that is still open, so the dossier's panel "Ouders en ouderportaal" shows both states. All
addresses are fictitious (the reserved top-level domain .example). Idempotent.

One thing is left for Marieke to do: after the TLV (April 2026) the school evaluated Noor's OPP
with the ouders and vastgesteld version 3 (16 November 2026); Marieke has not yet signed its
handelingsdeel, which she does in the portal with an e-mail code [issue 17]."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from cases.demo import DEMO_WACHTWOORD
from cases.models import Gebruiker, Leerling, Ouder, OuderKoppeling, OuderUitnodiging
from cases.ouderportaal.models.toegang import token_hash
from cases.ouderportaal.services.toegang import EMAIL_APPARAAT_NAAM

MARIEKE = ("Marieke Verhoevendijk", "marieke@ouders.example")
JOOST = ("Joost Verhoevendijk", "joost@ouders.example")


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    noor = Leerling.objects.filter(swv=wereld.swv, voornaam="Noor", achternaam="Verhoevendijk").first()
    if noor is None:
        stdout.write("Ouderportaal-demo: Noor niet gevonden, overgeslagen.")
        return
    marieke = _ouder(noor, *MARIEKE, relatie="moeder")
    joost = _ouder(noor, *JOOST, relatie="vader")
    gebruiker, _ = Gebruiker.objects.get_or_create(
        username=MARIEKE[1], defaults={"email": MARIEKE[1], "first_name": MARIEKE[0]}
    )
    gebruiker.set_password(DEMO_WACHTWOORD)
    gebruiker.save()
    OuderKoppeling.objects.update_or_create(
        ouder=marieke, defaults={"gebruiker": gebruiker, "ingetrokken_op": None, "ingetrokken_door": None}
    )
    EmailDevice.objects.update_or_create(
        user=gebruiker, name=EMAIL_APPARAAT_NAAM, defaults={"email": MARIEKE[1], "confirmed": True}
    )
    if not OuderUitnodiging.objects.filter(ouder=joost).open().exists():
        # Not mailed (a demo address); the raw token is thrown away, as after a real mail.
        OuderUitnodiging.objects.create(
            ouder=joost,
            email=joost.email,
            token_sha256=token_hash(secrets.token_urlsafe(32)),
            verloopt_op=timezone.now() + timedelta(days=7),
            verstuurd_op=timezone.now(),
        )
    versie = _opp_na_tlv(noor, wereld.gebruikers["ib"])
    if versie:
        stdout.write(f"Ouderportaal-demo: Noor's OPP versie {versie} wacht op de handtekening van Marieke.")
    stdout.write(
        f"Ouderportaal-demo: {MARIEKE[1]} (wachtwoord '{DEMO_WACHTWOORD}') ziet Noor; Joost is uitgenodigd."
    )


def _ouder(kind: Leerling, naam: str, email: str, *, relatie: str) -> Ouder:
    ouder = kind.ouders.filter(naam=naam).first()
    if ouder is None:
        ouder = Ouder(leerling=kind, naam=naam, relatie=relatie)
    ouder.email = email
    ouder.gezag = True
    ouder.save()
    return ouder


OPP_EVALUATIE = date(2026, 11, 16)


def _opp_na_tlv(noor: Leerling, ib) -> int | None:
    """Version 3 of Noor's OPP, evaluated after the TLV and vastgesteld, not yet signed (once)."""
    from cases.dossier.models.opp import OPP
    from cases.dossier.models.ot import Status
    from cases.dossier.services import opp as opp_svc

    if OPP.objects.filter(leerling=noor, datum=OPP_EVALUATIE).exists():
        return None
    if OPP.objects.filter(leerling=noor, status=Status.CONCEPT).exists():
        return None  # the school is already working on a version: leave it
    plan = opp_svc.start_opp(leerling=noor, door=ib)
    OPP.objects.filter(pk=plan.pk).update(
        datum=OPP_EVALUATIE,
        evaluatie="Noor voelt zich veiliger in de kleine groep. Ze start vaker zelf een taak. Het "
        "samen spelen in de pauze blijft moeilijk. Tot de overstap naar het so houden we de "
        "afspraken aan; het doel voor de pauze is nieuw.",
        doelen_kind="Noor start zelfstandig een taak na de instructie (4 van de 5 keer). Noor doet in de "
        "pauze mee met één spel met een klasgenoot, met hulp van de pleinwacht.",
    )
    plan.refresh_from_db()
    fout = opp_svc.ontbreekt_voor_vaststellen(plan, vandaag=OPP_EVALUATIE)
    if fout:
        raise ValueError(f"Demo-OPP van Noor onvolledig: {fout}")
    # Vastgesteld on the evaluation day itself (the service would stamp today).
    plan.vaststellen(door=ib, op=timezone.make_aware(datetime.combine(OPP_EVALUATIE, time(15, 0))))
    plan.save()
    return plan.versie
