"""Build the fictitious demo SWV. Refuses to run with DEBUG off: demo accounts have the password
"demo" and must never exist in production."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases import demo

# Apps that add demo content, in dependency order; each may have a module `<app>.demo_inhoud`
# with a function `bouw(wereld, *, leerlingen: int, stdout)`. An entry with a dot is a full module
# path with that function (the core's demo lives in cases/demo/; cases.demo.interventie builds on
# the other apps' demo pupils).
DEMO_APPS = ["cases.demo.inhoud", "tlv", "zorgplicht", "verzuim", "cases.demo.interventie"]


class Command(BaseCommand):
    help = "Laad het fictieve demo-samenwerkingsverband (alleen met DEBUG aan). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--leerlingen", type=int, default=120, help="Aantal leerlingen (standaard 120).")

    def handle(self, *args, leerlingen: int, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_data weigert te draaien zonder DEBUG: demo-accounts hebben het wachtwoord 'demo' "
                "en horen niet in een productieomgeving."
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
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo '{wereld.swv.naam}' staat klaar: {len(wereld.scholen)} scholen, "
                f"{len(wereld.gebruikers)} demo-gebruikers (wachtwoord '{demo.DEMO_WACHTWOORD}')."
            )
        )
