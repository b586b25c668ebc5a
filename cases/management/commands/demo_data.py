"""Build the fictitious demo SWV. Runs only with PASSEND_DEMO on (dev settings: on by default;
base and production: off unless the environment says PASSEND_DEMO=true) and never next to a real
SWV: demo accounts have the password "demo" and must never exist in production [issue 13]."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases import demo, tweefactor
from cases.models import Gebruiker, Samenwerkingsverband

# Apps that add demo content, in dependency order; each may have a module `<app>.demo_inhoud`
# with a function `bouw(wereld, *, leerlingen: int, stdout)`. An entry with a dot is a full module
# path with that function (the core's demo lives in cases/demo/; cases.demo.interventie builds on
# the other apps' demo pupils).
DEMO_APPS = [
    "cases.demo.inhoud",
    "tlv",
    "tlv.demo_herindicatie",
    "tlv.demo_register",
    "zorgplicht",
    "verzuim",
    "verzuim.demo_verantwoording",
    "verzuim.demo_verwijdering",
    "cases.demo.interventie",
    "cases.demo.onderinstroom",
    "cases.demo.ouderportaal",  # needs Noor and her ouders [issue 17]
    "cases.demo.ouderportaal_inbreng",  # a document of ouders waiting in the queue [issue 17]
    "cases.demo.ouderportaal_toestemming",  # consents of Noor's ouders [issue 17]
    "cases.demo.brieven",  # last: the letters of all the demo above
]


class Command(BaseCommand):
    help = "Laad het fictieve demo-samenwerkingsverband (alleen met PASSEND_DEMO aan). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--leerlingen", type=int, default=120, help="Aantal leerlingen (standaard 120).")

    def handle(self, *args, leerlingen: int, **options):
        if not settings.PASSEND_DEMO:
            raise CommandError(
                "demo_data weigert te draaien zonder PASSEND_DEMO: demo-accounts hebben het wachtwoord "
                "'demo' en horen niet in een productieomgeving. Zet PASSEND_DEMO=true alleen voor een "
                "demo- of testomgeving."
            )
        # A database that already holds a real SWV is a real installation (e.g. dev settings pointed
        # at the production DATABASE_URL): never add accounts with a known password to it.
        echt = list(
            Samenwerkingsverband.objects.exclude(code=demo.DEMO_SWV_CODE).values_list("naam", flat=True)[:3]
        )
        if echt:
            raise CommandError(
                "demo_data weigert te draaien: deze database bevat al een echt samenwerkingsverband "
                f"({', '.join(echt)}). Demo-accounts met wachtwoord 'demo' horen daar niet naast; "
                "laad de demo in een lege database."
            )
        if leerlingen < 0:
            raise CommandError("--leerlingen moet 0 of meer zijn.")
        wereld = demo.bouw_organisaties()
        demo.bouw_gebruikers(wereld)
        for app in DEMO_APPS:
            naam = app if "." in app else f"{app}.demo_inhoud"
            try:
                module = importlib.import_module(naam)
            except ModuleNotFoundError as exc:
                if exc.name != naam:
                    raise
                continue
            module.bouw(wereld, leerlingen=leerlingen, stdout=self.stdout)
        # Every demo account gets a TOTP device with the documented demo key [issue 14]; the
        # second-step page shows its current code while PASSEND_DEMO is on.
        for user in Gebruiker.objects.filter(rollen__swv=wereld.swv).distinct():
            tweefactor.geef_demo_apparaat(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo '{wereld.swv.naam}' staat klaar: {len(wereld.scholen)} scholen, "
                f"{len(wereld.gebruikers)} demo-gebruikers (wachtwoord '{demo.DEMO_WACHTWOORD}')."
            )
        )
