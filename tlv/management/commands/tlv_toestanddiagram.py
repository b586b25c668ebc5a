"""Write docs/tlv-statemachine.md from the code (or check it with --check)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tlv.diagram import markdown

PAD = Path(settings.BASE_DIR) / "docs" / "tlv-statemachine.md"


class Command(BaseCommand):
    help = "Teken de TLV-toestandsmachine uit de code in docs/tlv-statemachine.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Alleen controleren of het bestand actueel is."
        )

    def handle(self, *args, check: bool, **options):
        tekst = markdown()
        if check:
            if not PAD.exists() or PAD.read_text(encoding="utf-8") != tekst:
                raise CommandError(f"{PAD} wijkt af van de code: draai manage.py tlv_toestanddiagram.")
            self.stdout.write("docs/tlv-statemachine.md is actueel.")
            return
        PAD.write_text(tekst, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{PAD} geschreven."))
