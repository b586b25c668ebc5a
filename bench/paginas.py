"""What the benchmark measures: pages (role + URL) and background work, plus the app data at
scale that those pages read (bouw_extra)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.urls import reverse

from bench.data import BenchWereld


@dataclass(frozen=True)
class Pagina:
    naam: str
    rol: str
    url: Callable[[BenchWereld], str]


@dataclass(frozen=True)
class Taak:
    naam: str
    meet: Callable[[BenchWereld], tuple[float, str]]


def _dossier_leerling(w: BenchWereld) -> int:
    from cases.models import Leerling

    return (
        Leerling.objects.filter(huidige_school_id=w.eerste_school_id)
        .order_by("pk")
        .values_list("pk", flat=True)[0]
    )


PAGINAS: list[Pagina] = [
    Pagina(
        "Dossierpagina (50 OT-verslagen)", "ib", lambda w: reverse("dossier", args=[_dossier_leerling(w)])
    ),
    Pagina("Mijn werk van de IB'er", "ib", lambda w: reverse("home")),
    Pagina("Werklijst van de SC (TLV, eigen regio)", "sc", lambda w: reverse("tlv:lijst")),
    Pagina("TLV-werklijst van de SLL", "sll", lambda w: reverse("tlv:lijst")),
    Pagina("Doorlooptijden (SLL)", "sll", lambda w: reverse("tlv:doorlooptijden")),
    Pagina("Thuiszittersregister (SLL)", "sll", lambda w: reverse("verzuim:thuiszitters")),
]


def _letter(w: BenchWereld) -> tuple[float, str]:
    from django.template.loader import render_to_string

    from cases.models import Leerling, Samenwerkingsverband
    from cases.services.brieven import render_pdf

    leerling = Leerling.objects.filter(huidige_school_id=w.eerste_school_id).first()
    html = render_to_string(
        "brieven/basis.html",
        {
            "swv": Samenwerkingsverband.objects.get(pk=w.swv_ids[0]),
            "leerling": leerling,
            "geadresseerden": [
                {"naam": "Ouder Bench", "adres": "Benchstraat 1", "postcode_plaats": "9999 ZZ"}
            ],
            "brief": SimpleNamespace(kenmerk="BENCH-1", onderwerp="Benchmarkbrief", ondertekenaar="Bench"),
        },
    )
    render_pdf(html)  # warm-up: fonts
    t0 = time.perf_counter()
    render_pdf(html)
    return time.perf_counter() - t0, "(één A4-brief, WeasyPrint)"


def _sweep(w: BenchWereld) -> tuple[float, str]:
    from cases.models import Notificatie, Termijn
    from cases.termijnen.meldingen import sweep

    # Every run measures the same work: the terms an earlier run expired are open again, and no
    # notification has been made yet.
    Notificatie.objects.all().delete()
    Termijn.objects.filter(status="verlopen", afgerond_op__isnull=True).update(status="lopend")
    open_ = Termijn.objects.filter(status="lopend").count()
    t0 = time.perf_counter()
    uitkomst = sweep()
    duur = time.perf_counter() - t0
    tekst = f"{uitkomst.verlopen} verlopen, {uitkomst.meldingen} nieuwe meldingen"
    return duur, f"({open_} lopende termijnen; {tekst})"


def _doorvoer(w: BenchWereld) -> tuple[float, str]:
    """Dossier page under 20 concurrent clients against gunicorn with 2 workers, for 20 seconds."""
    import os
    import statistics
    import subprocess
    import sys
    import threading
    import urllib.request

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from cases.models import Gebruiker

    user = Gebruiker.objects.get(pk=w.users["ib"])
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(user.pk)
    sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sessie.set_expiry(3600)
    sessie.save()
    url = "http://127.0.0.1:8799" + reverse("dossier", args=[_dossier_leerling(w)])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.ci", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            "127.0.0.1:8799",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen("http://127.0.0.1:8799/account/inloggen/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        tijden: list[float] = []
        fouten = 0
        stop = time.perf_counter() + 20
        slot = threading.Lock()

        def client():
            nonlocal fouten
            verzoek = urllib.request.Request(
                url, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={sessie.session_key}"}
            )
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    with urllib.request.urlopen(verzoek, timeout=30) as resp:
                        resp.read()
                        ok = resp.status == 200
                except OSError:
                    ok = False
                with slot:
                    if ok:
                        tijden.append(time.perf_counter() - t0)
                    else:
                        fouten += 1

        threads = [threading.Thread(target=client) for _ in range(20)]
        begin = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        duur = time.perf_counter() - begin
    finally:
        server.terminate()
        server.wait(timeout=10)
    tijden.sort()
    p95 = tijden[int(0.95 * (len(tijden) - 1))] * 1000 if tijden else 0
    return duur, (
        f"({len(tijden) / duur:.1f} verzoeken/s, mediaan {statistics.median(tijden) * 1000:.0f} ms, "
        f"p95 {p95:.0f} ms, {fouten} fouten; 20 clients, gunicorn 2 workers)"
    )


TAKEN: list[Taak] = [
    Taak("Dagelijkse termijnsweep", _sweep),
    Taak("Brief renderen (pdf)", _letter),
    Taak("Doorvoer dossierpagina", _doorvoer),
]


def bouw_extra(w: BenchWereld) -> None:
    """App data at scale: TLV-aanvragen (2% of the leerlingen) with their stage history and
    suspensions, a legal term per open aanvraag and per running zorgplicht (0.5%), OT-verslagen
    for 10% of the leerlingen, and 50 OT-verslagen in the dossier that the benchmark opens."""
    import random
    from datetime import date, datetime, timedelta

    from django.db import connection
    from django.utils import timezone

    from cases import termijnen as regels
    from cases.models import Leerling, OTBespreking, School
    from cases.termijnen.models.termijnen import SOORTEN, Termijn
    from tlv.models import Opschorting, Overgang, TLVAanvraag
    from tlv.models.keuzes import Status

    rnd = random.Random(11)
    vandaag = date.today()
    tz = timezone.get_current_timezone()
    sll_id = w.users["sll"]
    school_regio = dict(School.objects.filter(pk__in=w.school_ids).values_list("pk", "regio_id"))
    aantal = max(500, w.leerlingen // 50)
    leerlingen = list(
        Leerling.objects.filter(swv_id__in=w.swv_ids)
        .order_by("pk")
        .values_list("pk", "swv_id", "huidige_school_id")[: aantal * 2 : 2]
    )
    statussen = [
        Status.INGEDIEND,
        Status.INHOUDELIJKE_CHECK,
        Status.ADVIEZEN,
        Status.TER_ONDERTEKENING,
        Status.AFGEGEVEN,
        Status.AFGEGEVEN,
        Status.AFGEGEVEN,
        Status.NIET_TOEGEKEND,
    ]
    besloten = (Status.AFGEGEVEN, Status.NIET_TOEGEKEND)
    aanvragen = []
    for i, (lid, swv_id, school_id) in enumerate(leerlingen):
        status = statussen[i % len(statussen)]
        ontvangen = vandaag - timedelta(days=rnd.randint(5, 700))
        besluit = ontvangen + timedelta(days=rnd.randint(20, 80)) if status in besloten else None
        aanvragen.append(
            TLVAanvraag(
                swv_id=swv_id,
                leerling_id=lid,
                school_id=school_id,
                regio_id=school_regio[school_id],
                status=status,
                ontvangen_op=ontvangen,
                besluit_op=besluit,
                besluit_verzonden_op=besluit,
                aangemaakt_door_id=sll_id,
                onderwijsbehoeften="Bench.",
            )
        )
    aanvragen = TLVAanvraag.objects.bulk_create(aanvragen, batch_size=5000)

    def moment(d):
        return datetime.combine(d, datetime.min.time(), tz)

    overgangen, opschortingen, termijnen = [], [], []
    definitie = SOORTEN["tlv_beslistermijn"]
    for a in aanvragen:
        if a.besluit_op:
            midden = a.ontvangen_op + (a.besluit_op - a.ontvangen_op) // 2
            for van, naar, d in (
                (Status.CONCEPT, Status.INGEDIEND, a.ontvangen_op),
                (Status.INGEDIEND, Status.TER_ONDERTEKENING, midden),
                (Status.TER_ONDERTEKENING, a.status, a.besluit_op),
            ):
                overgangen.append(
                    Overgang(aanvraag=a, van=van, naar=naar, datum=d, op=moment(d), door_id=sll_id)
                )
        else:
            termijnen.append(
                Termijn(
                    swv_id=a.swv_id,
                    school_id=a.school_id,
                    leerling_id=a.leerling_id,
                    soort=definitie.code,
                    basis=definitie.basis,
                    start_omschrijving=definitie.start_omschrijving,
                    start=a.ontvangen_op,
                    weken=definitie.weken,
                    atw=True,
                    verantwoordelijken=f",{','.join(definitie.rollen)},",
                    einde=regels.termijn_einde(a.ontvangen_op, weken=definitie.weken),
                )
            )
        if a.pk % 5 == 0:
            verzoek = a.ontvangen_op + timedelta(days=5)
            opschortingen.append(
                Opschorting(
                    aanvraag=a,
                    verzoek_op=verzoek,
                    ontbreekt="LVS",
                    antwoord_uiterlijk=verzoek + timedelta(days=14),
                    ontvangen_op=verzoek + timedelta(days=10),
                    gevraagd_door_id=sll_id,
                )
            )
    Overgang.objects.bulk_create(overgangen, batch_size=5000)
    Opschorting.objects.bulk_create(opschortingen, batch_size=5000)
    zp = SOORTEN["zorgplicht"]
    for lid, swv_id, school_id in leerlingen[: max(100, w.leerlingen // 200)]:
        start = vandaag - timedelta(days=rnd.randint(0, 60))
        termijnen.append(
            Termijn(
                swv_id=swv_id,
                school_id=school_id,
                leerling_id=lid,
                soort=zp.code,
                basis=zp.basis,
                start_omschrijving=zp.start_omschrijving,
                start=start,
                weken=zp.weken,
                atw=True,
                verantwoordelijken=f",{','.join(zp.rollen)},",
                einde=regels.termijn_einde(start, weken=zp.weken),
            )
        )
    Termijn.objects.bulk_create(termijnen, batch_size=5000)

    ib = w.users["ib"]
    ot_leerlingen = Leerling.objects.filter(swv_id__in=w.swv_ids).order_by("pk").values_list("pk", flat=True)
    ots = [
        OTBespreking(
            leerling_id=lid,
            soort="start",
            datum=vandaag - timedelta(days=lid % 300),
            doelen="Bench",
            aangemaakt_door_id=ib,
        )
        for lid in ot_leerlingen[: w.leerlingen // 10]
    ]
    dossier = _dossier_leerling(w)
    ots += [
        OTBespreking(
            leerling_id=dossier,
            soort="start" if i % 2 else "vervolg",
            datum=vandaag - timedelta(days=7 * i),
            doelen=f"Bench {i}",
            aangemaakt_door_id=ib,
        )
        for i in range(50)
    ]
    OTBespreking.objects.bulk_create(ots, batch_size=5000)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")


def bouw_verzuim(w: BenchWereld) -> None:
    """Thuiszitters at scale, added to an existing world when it has none yet (so a world built
    before this generator existed gets them too): about 1 in 400 leerlingen at home now (a
    national rate of a few per thousand), three times as many ended periods from earlier years,
    1 in 10 running with an open escalation."""
    import random
    from datetime import date, timedelta

    from django.db import connection

    from cases.models import Leerling, School
    from verzuim.models import Escalatie, Thuiszitter
    from verzuim.models.thuiszitters import ThuiszitterSoort

    if Thuiszitter.objects.filter(swv_id__in=w.swv_ids).exists():
        return
    rnd = random.Random(23)
    vandaag = date.today()
    school = {
        pk: (regio, gemeente)
        for pk, regio, gemeente in School.objects.filter(pk__in=w.school_ids).values_list(
            "pk", "regio_id", "gemeente_id"
        )
    }
    lopend = max(40, w.leerlingen // 400)
    # Every 97th leerling from the 7th on: spread over all SWV's and schools; every 4th row is running.
    leerlingen = list(
        Leerling.objects.filter(swv_id__in=w.swv_ids)
        .order_by("pk")
        .values_list("pk", "swv_id", "huidige_school_id")[7 : 7 + lopend * 4 * 97 : 97]
    )
    soorten = [ThuiszitterSoort.RELATIEF] * 8 + [ThuiszitterSoort.ABSOLUUT, ThuiszitterSoort.VRIJSTELLING]
    rijen = []
    for i, (lid, swv_id, school_id) in enumerate(leerlingen):
        regio_id, gemeente_id = school[school_id]
        soort = soorten[i % len(soorten)]
        if i % 4 == 0:  # running
            sinds = vandaag - timedelta(days=rnd.randint(1, 400))
            einde = None
        else:  # ended in an earlier period
            sinds = vandaag - timedelta(days=rnd.randint(120, 1500))
            einde = sinds + timedelta(days=rnd.randint(14, 110))
        rijen.append(
            Thuiszitter(
                swv_id=swv_id,
                regio_id=regio_id,
                gemeente_id=gemeente_id,
                school_id=None if soort == ThuiszitterSoort.ABSOLUUT else school_id,
                leerling_id=lid,
                soort=soort,
                thuis_sinds=sinds,
                regie_bij="Benchregie (SC)",
                huidig_aanbod="Bench: twee ochtenden per week thuisonderwijs" if i % 3 else "",
                volgende_stap="Bench: overleg met ouders en school" if i % 2 else "",
                volgende_stap_op=vandaag + timedelta(days=rnd.randint(1, 30)) if i % 2 else None,
                beeindigd_op=einde,
                beeindiging="Bench: terug op school" if einde else "",
                aangemaakt_door_id=w.users["sc"],
            )
        )
    rijen = Thuiszitter.objects.bulk_create(rijen, batch_size=5000)
    Escalatie.objects.bulk_create(
        [
            Escalatie(
                swv_id=t.swv_id,
                regio_id=t.regio_id,
                thuiszitter=t,
                school_id=t.school_id,
                aanleiding="Bench: bijna drie maanden thuis",
                geopend_op=t.thuis_sinds + timedelta(days=60),
            )
            for t in rijen[::40]  # every 40th row is a running one (40 is a multiple of 4)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cur:
        cur.execute("ANALYZE verzuim_thuiszitter")
        cur.execute("ANALYZE verzuim_escalatie")
