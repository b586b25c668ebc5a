"""Retention of the audit log: the one procedure that removes audit rows [issue 14; docs/audit.md].

    manage.py audit_bewaartermijn                    # shows how many rows are older than the term
    manage.py audit_bewaartermijn --ouder-dan 7      # another term, in years
    manage.py audit_bewaartermijn --uitvoeren        # removes them

Without --uitvoeren nothing changes. With it, in one transaction: first one audit row per SWV
(action "auditlog opgeschoond": who ran it, the cut-off date and how many of that SWV's rows go,
so each SWV's beheerder sees it), then `SET LOCAL passend.audit_opschonen = 'ja'`, the only way
the PostgreSQL trigger lets a DELETE through, and the DELETE of the rows older than the cut-off.
The term defaults to PASSEND_AUDIT_BEWAARTERMIJN_JAREN (5 years).
"""

from __future__ import annotations

import getpass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from cases.models.audit import AuditActie, AuditRegel
from cases.models.organisaties import Samenwerkingsverband
from cases.services.audit import log


def jaren_terug(moment, jaren: int):
    try:
        return moment.replace(year=moment.year - jaren)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - jaren, day=28)


def wie() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


class Command(BaseCommand):
    help = "Verwijdert auditregels die ouder zijn dan de bewaartermijn (alleen met --uitvoeren)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ouder-dan",
            type=int,
            default=None,
            metavar="JAREN",
            help="bewaartermijn in jaren (standaard PASSEND_AUDIT_BEWAARTERMIJN_JAREN)",
        )
        parser.add_argument("--uitvoeren", action="store_true", help="echt verwijderen")

    def handle(self, *args, ouder_dan=None, uitvoeren=False, **options):
        jaren = settings.PASSEND_AUDIT_BEWAARTERMIJN_JAREN if ouder_dan is None else ouder_dan
        if jaren < 1:
            raise CommandError("De bewaartermijn is minstens 1 jaar.")
        grens = jaren_terug(timezone.now(), jaren)
        oud = AuditRegel.objects.filter(tijdstip__lt=grens)
        per_swv = dict(oud.order_by().values_list("swv").annotate(n=Count("id")))
        totaal = sum(per_swv.values())
        datum = f"{timezone.localtime(grens):%d-%m-%Y %H:%M}"
        if not uitvoeren:
            self.stdout.write(
                f"{totaal} auditregels van vóór {datum} (bewaartermijn {jaren} jaar). "
                "Niets verwijderd: geef --uitvoeren om ze te verwijderen."
            )
            return
        door = wie()
        per_swv = per_swv or {None: 0}  # also a run that removes nothing leaves its row
        with transaction.atomic():
            swvs = Samenwerkingsverband.objects.in_bulk([pk for pk in per_swv if pk is not None])
            for swv_id, aantal in sorted(per_swv.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
                log(
                    actie=AuditActie.OPGESCHOOND,
                    swv=swvs.get(swv_id),
                    omschrijving=(
                        f"bewaartermijn {jaren} jaar: {aantal} auditregels van vóór {datum} verwijderd "
                        f"met manage.py audit_bewaartermijn door {door}"
                    ),
                )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL passend.audit_opschonen = 'ja'")
            verwijderd, _ = AuditRegel.objects.filter(tijdstip__lt=grens).delete()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL passend.audit_opschonen = 'nee'")
        self.stdout.write(
            f"{verwijderd} auditregels van vóór {datum} verwijderd (bewaartermijn {jaren} jaar)."
        )
