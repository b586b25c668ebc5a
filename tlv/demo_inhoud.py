"""TLV demo content for the fictitious demo SWV (called by `manage.py demo_data` after
cases.demo.inhoud). Everything goes through the real services, so the demo shows exactly what a
user would get: Noor signed (unanimous), Daan with opschorting, split advice, TLA-vergadering and
a bezwaar, Yara held for bao-bao and withdrawn; plus aanvragen in every other state on generic
pupils of the demo school. Idempotent: a pupil that already has an aanvraag is left alone."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from cases.demo import DEMO_WACHTWOORD
from cases.dossier.models.documenten import Document
from cases.dossier.models.opp import OPP, OPPAkkoord
from cases.dossier.models.ot import Aanwezige, OTBespreking
from cases.dossier.models.ot import Status as DossierStatus
from cases.models import Gebruiker, Leerling, Rol, RolSoort
from cases.models.rollen import SCHOOLLEIDING
from tlv import services
from tlv.models import SC_VRAGEN, TLAVergadering, TLVAanvraag

GEDEELD = {
    "onderwijsbehoeften": "Een kleine, voorspelbare groep; instructie in kleine stappen; een vaste volwassene "  # noqa: E501
    "bij overgangen; een rustige werkplek.",
    "waarom_niet_regulier": "Ondanks een HGO-arrangement en de inzet van de SC lukt dit in de groep niet; twee "  # noqa: E501
    "andere basisscholen in de regio zijn gevraagd en kunnen het evenmin bieden.",
    "zienswijze_ouders": "Ouders zien dat hun kind vastloopt en steunen de aanvraag.",
    "bestuur_geinformeerd": True,
}
ALLE_JA = {code: (True, "") for code, _ in SC_VRAGEN}

# Extra demo accounts for the scenario schools outside the demo school (password "demo").
EXTRA = [
    ("ib_wegwijzer", "Wendy", "Wegman", RolSoort.IB, "CBS De Wegwijzer", {}),
    ("directeur_wegwijzer", "Wim", "Wegerif", RolSoort.DIRECTEUR, "CBS De Wegwijzer", {}),
    ("ib_klimboom", "Kim", "Klimmerman", RolSoort.IB, "Jenaplanschool De Klimboom", {}),
    ("directeur_klimboom", "Koen", "Klimsteeg", RolSoort.DIRECTEUR, "Jenaplanschool De Klimboom", {}),
    ("sc_veenendaal", "Vera", "Steunveld", RolSoort.SC, "Veenendaal/Renswoude", {}),
    ("deskundige3", "Victor", "Voortgezet", RolSoort.DESKUNDIGE, None, {"discipline": "deskundige_vo"}),
]


def _gebruikers(wereld) -> dict[str, Gebruiker]:
    g = dict(wereld.gebruikers)
    for username, voornaam, achternaam, soort, waar, extra in EXTRA:
        user = Gebruiker.objects.filter(username=username).first()
        if user is None:
            user = Gebruiker(
                username=username,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@vallei-rijn.example",
            )
            user.set_password(DEMO_WACHTWOORD)
            user.save()
        plaats = {"swv": wereld.swv}
        if soort in SCHOOLLEIDING:
            plaats["school"] = wereld.scholen[waar]
        elif soort == RolSoort.SC:
            plaats["regio"] = wereld.regios[waar]
        Rol.objects.get_or_create(gebruiker=user, soort=soort, **plaats, defaults=extra)
        g[username] = user
    return g


def _onderteken(aanvraag, door, op: date) -> None:
    """The demo builds history: it signs without the fresh second factor that a person at the
    screen gives (tlv.services.onderteken checks password and code) [issue 14]."""
    from tlv.services.besluit import _onderteken as onderteken_zonder_controle

    onderteken_zonder_controle(aanvraag=aanvraag, door=door, op=op)


def _pdf(titel: str) -> bytes:
    from cases.demo.inhoud import mini_pdf

    return mini_pdf(titel, ["Fictief demodocument."])


def _document(leerling, soort: str, titel: str, datum: date, door) -> None:
    data = _pdf(titel)
    doc = Document(
        leerling=leerling,
        soort=soort,
        titel=titel,
        datum=datum,
        mimetype="application/pdf",
        grootte=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        geupload_door=door,
    )
    doc.bestand.save("demo.pdf", ContentFile(data), save=False)
    doc.save()


def _ot(leerling, soort: str, datum: date, door, **velden) -> None:
    ot = OTBespreking.objects.create(
        leerling=leerling,
        soort=soort,
        datum=datum,
        ouders_uitgenodigd=True,
        hulpvraag="Wat heeft deze leerling nodig om weer tot leren te komen?",
        aangemaakt_door=door,
        **velden,
    )
    for naam, rol in (
        ("Ouder/verzorger", "ouder"),
        ("Intern begeleider", "ib"),
        ("Steunpuntcoördinator", "sc"),
    ):
        Aanwezige.objects.create(bespreking=ot, naam=naam, rol=rol)
    ot.vaststellen(door=door, op=timezone.now())
    ot.save()


def _compleet_dossier(leerling, door, vandaag: date) -> None:
    """A minimal complete dossier for a generic pupil (two OT's with the SC, OPP with akkoord, LVS)."""
    if OTBespreking.objects.filter(leerling=leerling, status=DossierStatus.VASTGESTELD).count() < 2:
        _ot(leerling, "start", vandaag - timedelta(days=120), door)
        _ot(
            leerling,
            "vervolg",
            vandaag - timedelta(days=60),
            door,
            gesprek_bao_bao="Twee andere basisscholen gevraagd; geen van beide kan de kleine groep bieden.",
            gesprek_so_sbo="Sbo past: de leerbehoeften staan voorop.",
        )
    opp = OPP.objects.filter(leerling=leerling, status=DossierStatus.VASTGESTELD).order_by("-versie").first()
    if opp is None or not opp.zienswijze_ouders or (opp.datum or vandaag) < vandaag - timedelta(days=150):
        if OPP.objects.filter(leerling=leerling, status=DossierStatus.CONCEPT).exists():
            return
        versie = (opp.versie + 1) if opp else 1
        opp = OPP.objects.create(
            leerling=leerling,
            versie=versie,
            datum=vandaag - timedelta(days=45),
            zienswijze_ouders="Ouders herkennen het beeld en steunen de aanpak.",
            aangemaakt_door=door,
        )
        opp.vaststellen(door=door, op=timezone.now())
        opp.save()
    for ouder in leerling.ouders.filter(gezag=True):
        if not opp.akkoorden.filter(ouder=ouder).exists():
            OPPAkkoord.objects.create(
                opp=opp, ouder=ouder, datum=opp.datum, wijze="papier", vastgelegd_door=door
            )
    if not Document.objects.filter(leerling=leerling, soort="lvs").exists():
        _document(leerling, "lvs", "LVS-overzicht", vandaag - timedelta(days=40), door)


def _advies(aanvraag, strekkingen, motivering="Heeft een kleine groep met veel nabijheid nodig.") -> None:
    for t, strekking in zip(aanvraag.actieve_toewijzingen(), strekkingen, strict=True):
        services.sla_advies_op(
            aanvraag=aanvraag,
            door=t.deskundige,
            strekking=strekking,
            categorie="laag" if strekking == "so" else "",
            motivering=motivering,
            indienen=True,
        )


def _vers(aanvraag) -> TLVAanvraag:
    return TLVAanvraag.objects.get(pk=aanvraag.pk)


def _noor(g, ll) -> None:
    a = services.maak_aanvraag(
        door=g["ib"],
        leerling=ll,
        gevraagde_schoolsoort="so",
        ouders_ondertekend_op=date(2026, 3, 9),
        **GEDEELD,
    )
    services.dien_in(aanvraag=a, door=g["directeur"], op=date(2026, 3, 10))
    services.keur_formeel_goed(aanvraag=a, door=g["sll"])
    services.leg_sc_oordeel_vast(aanvraag=a, door=g["sc"], oordelen=ALLE_JA)
    services.keur_inhoudelijk_goed(aanvraag=a, door=g["sc"])
    services.wijs_deskundigen_toe(aanvraag=a, door=g["tla"], eerste=g["deskundige1"], tweede=g["deskundige2"])
    _advies(
        _vers(a),
        ("so", "so"),
        "Noor heeft een kleine, voorspelbare groep nodig met nabijheid van de "
        "leerkracht en begeleiding bij angst en terugtrekken; dat kan de basisschool niet bieden.",
    )
    services.schrijf_eindadvies(
        aanvraag=a,
        door=g["deskundige1"],
        besluit="afgeven",
        schoolsoort="so",
        periode="4-5",
        categorie="laag",
        gemotiveerd_besluit="Noor heeft ondersteuning nodig bij het reguleren van spanning: een kleine groep, "  # noqa: E501
        "vaste volwassenen, voorspelbare overgangen en een veilige plek om terug te trekken. Ondanks het "
        "HGO-arrangement en de observatie door de SC lukt dit op de basisschool niet; bao-bao is onderzocht.",
        doelen="Noor neemt weer deel aan groepsactiviteiten; Noor start zelfstandig een taak; Noor kan spanning "  # noqa: E501
        "benoemen en vraagt om hulp.",
    )
    services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"])
    _onderteken(a, g["bestuurder"], date(2026, 4, 16))


def _daan(g, ll) -> None:
    a = services.maak_aanvraag(
        door=g["ib_wegwijzer"],
        leerling=ll,
        gevraagde_schoolsoort="sbo",
        ouders_ondertekend_op=date(2026, 1, 5),
        **GEDEELD,
    )
    services.dien_in(aanvraag=a, door=g["directeur_wegwijzer"], op=date(2026, 1, 6))
    services.vraag_informatie(
        aanvraag=a,
        door=g["sll"],
        verzoek_op=date(2026, 1, 19),
        ontbreekt="De relevante LVS-gegevens (rekenen en lezen, groep 4 tot en met 6).",
        antwoord_uiterlijk=date(2026, 2, 2),
    )
    _document(ll, "lvs", "LVS-overzicht groep 4–6", date(2026, 1, 30), g["ib_wegwijzer"])
    services.informatie_ontvangen(aanvraag=a, door=g["sll"], ontvangen_op=date(2026, 1, 30))
    services.keur_formeel_goed(aanvraag=a, door=g["sll"])
    services.leg_sc_oordeel_vast(aanvraag=a, door=g["sc_veenendaal"], oordelen=ALLE_JA)
    services.keur_inhoudelijk_goed(aanvraag=a, door=g["sc_veenendaal"])
    services.wijs_deskundigen_toe(aanvraag=a, door=g["tla"], eerste=g["deskundige1"], tweede=g["deskundige3"])
    a = _vers(a)
    services.sla_advies_op(
        aanvraag=a,
        door=g["deskundige1"],
        strekking="sbo",
        indienen=True,
        motivering="Daan heeft instructie in een kleine groep en een aangepast tempo nodig.",
    )
    services.sla_advies_op(
        aanvraag=a,
        door=g["deskundige3"],
        strekking="regulier",
        indienen=True,
        motivering="Met een arrangement voor rekenen kan Daan op een reguliere school blijven.",
    )
    services.schrijf_eindadvies(
        aanvraag=a,
        door=g["deskundige1"],
        besluit="afgeven",
        schoolsoort="sbo",
        periode="6-8",
        gemotiveerd_besluit="Daan heeft instructie in een kleine groep nodig, met herhaling en een aangepast "
        "tempo, en begeleiding bij het plannen van zijn werk. De ondersteuning op school is niet toereikend "
        "gebleken; een andere basisschool kan de kleine groep niet bieden.",
        doelen="Daan werkt zelfstandig aan een taak van 20 minuten; Daan haalt de rekendoelen van groep 6.",
    )
    services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"])
    vergadering = TLAVergadering.objects.filter(
        swv=ll.swv, datum=date(2026, 2, 24)
    ).first() or services.plan_vergadering(
        door=g["tla"], swv=ll.swv, datum=date(2026, 2, 24), schooljaar="2025-2026", locatie="Kantoor SWV"
    )
    services.agendeer(aanvraag=a, door=g["tla"], vergadering=vergadering)
    services.schrijf_eindadvies(
        aanvraag=a, door=g["tla"], tla_besproken="Besproken op 24-02-2026: de commissie volgt het advies sbo."
    )
    services.leg_tla_advies_vast(aanvraag=a, door=g["tla"])
    _onderteken(a, g["bestuurder"], date(2026, 3, 12))
    bezwaar = services.registreer_bezwaar(
        aanvraag=a,
        door=g["sll"],
        ontvangen_op=date(2026, 4, 17),
        indiener="ouders",
        gronden="Ouders vinden dat Daan naar so moet.",
    )
    services.bevestig_ontvangst(bezwaar=bezwaar, door=g["sll"], op=date(2026, 4, 20))


def _yara(g, ll) -> None:
    # Before submitting, the school collects the second ouder's signature on the handelingsdeel.
    opp = OPP.objects.filter(leerling=ll, status=DossierStatus.VASTGESTELD).order_by("-versie").first()
    if opp is not None:
        for ouder in ll.ouders.filter(gezag=True).exclude(opp_akkoorden__opp=opp):
            OPPAkkoord.objects.create(
                opp=opp,
                ouder=ouder,
                datum=date(2025, 11, 20),
                wijze="papier",
                vastgelegd_door=g["ib_klimboom"],
            )
    a = services.maak_aanvraag(
        door=g["ib_klimboom"],
        leerling=ll,
        gevraagde_schoolsoort="so",
        ouders_ondertekend_op=date(2025, 11, 20),
        **GEDEELD,
    )
    services.dien_in(aanvraag=a, door=g["directeur_klimboom"], op=date(2025, 11, 24))
    services.keur_formeel_goed(aanvraag=a, door=g["sll"])
    oordelen = dict(ALLE_JA)
    oordelen["bao_bao"] = (
        False,
        "In de OT-verslagen is een plaatsing op een andere basisschool niet afgewogen.",
    )
    services.leg_sc_oordeel_vast(aanvraag=a, door=g["sc_veenendaal"], oordelen=oordelen)
    services.vraag_informatie(
        aanvraag=a,
        door=g["sc_veenendaal"],
        verzoek_op=date(2025, 12, 1),
        antwoord_uiterlijk=date(2026, 1, 12),
        ontbreekt="Een OT-verslag waarin een bao-bao-plaatsing is afgewogen [002 §1.2, §1.4].",
    )
    services.trek_in(
        aanvraag=a,
        door=g["ib_klimboom"],
        reden="Na een derde OT is een plaatsing op een andere basisschool gelukt; geen TLV nodig.",
    )


SCHOOLTEAMS = {
    "OBS De Regenboog": ("ib", "directeur", "sc"),  # geen-rol: gebruikersnamen van de demowereld
    "CBS De Wegwijzer": ("ib_wegwijzer", "directeur_wegwijzer", "sc_veenendaal"),
    "Jenaplanschool De Klimboom": ("ib_klimboom", "directeur_klimboom", "sc_veenendaal"),
}


def _generiek(g, leerlingen, vandaag: date, stdout) -> None:
    """Aanvragen in every other state on generic pupils of the demo school, with live terms."""
    doelen = [
        "concept",
        "ingediend",
        "inhoudelijke_check",
        "aangehouden",
        "deskundigen_toewijzen",
        "adviezen",
        "eindadvies",
        "tla_vergadering",
        "ter_ondertekening",
        "niet_toegekend",
        "besluit_aangehouden",
        "afgegeven_1_3",
    ]
    for ll, doel in zip(leerlingen, doelen, strict=False):
        ib, directeur, sc = (g[n] for n in SCHOOLTEAMS[ll.huidige_school.naam])
        _compleet_dossier(ll, ib, vandaag)
        ontvangen = vandaag - timedelta(days=10 + 4 * doelen.index(doel))
        if doel == "inhoudelijke_check":
            # Received 52 days ago: its eight weeks run out this week, as on any real worklist.
            ontvangen = vandaag - timedelta(days=52)
        a = services.maak_aanvraag(
            door=ib,
            leerling=ll,
            gevraagde_schoolsoort="sbo",
            ouders_ondertekend_op=ontvangen - timedelta(days=3),
            **GEDEELD,
        )
        if doel == "concept":
            continue
        services.dien_in(aanvraag=a, door=directeur, op=ontvangen)
        if doel == "ingediend":
            continue
        if doel == "aangehouden":
            services.vraag_informatie(
                aanvraag=a,
                door=g["sll"],
                verzoek_op=ontvangen + timedelta(days=3),
                antwoord_uiterlijk=vandaag + timedelta(days=7),
                ontbreekt="Het verslag van het psychologisch onderzoek waarnaar het OPP verwijst.",
            )
            continue
        services.keur_formeel_goed(aanvraag=a, door=g["sll"])
        if doel == "inhoudelijke_check":
            continue
        services.leg_sc_oordeel_vast(aanvraag=a, door=sc, oordelen=ALLE_JA)
        services.keur_inhoudelijk_goed(aanvraag=a, door=sc)
        if doel == "deskundigen_toewijzen":
            continue
        services.wijs_deskundigen_toe(
            aanvraag=a, door=g["tla"], eerste=g["deskundige1"], tweede=g["deskundige2"]
        )
        a = _vers(a)
        if doel == "adviezen":
            services.sla_advies_op(
                aanvraag=a,
                door=g["deskundige2"],
                strekking="sbo",
                indienen=True,
                motivering="Instructie in een kleine groep is nodig.",
            )
            continue
        afwijzen = doel == "niet_toegekend"
        strekkingen = {
            "niet_toegekend": ("regulier", "regulier"),
            "tla_vergadering": ("sbo", "regulier"),
            "besluit_aangehouden": ("aanhouden", "aanhouden"),
        }.get(doel, ("sbo", "sbo"))
        _advies(a, strekkingen)
        if doel == "eindadvies":
            continue
        if doel == "besluit_aangehouden":
            services.schrijf_eindadvies(
                aanvraag=a,
                door=g["deskundige1"],
                besluit="aanhouden",
                gemotiveerd_besluit="De deskundigen zien nog mogelijkheden binnen het reguliere onderwijs: een "  # noqa: E501
                "arrangement voor taal en begeleiding van de leerkracht.",
            )
            services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"])
            _onderteken(a, g["bestuurder"], vandaag)
            continue
        services.schrijf_eindadvies(
            aanvraag=a,
            door=g["deskundige1"],
            besluit="niet_toekennen" if afwijzen else "afgeven",
            schoolsoort="" if afwijzen else "sbo",
            periode="" if afwijzen else ("1-3" if doel == "afgegeven_1_3" else "4-5"),
            gemotiveerd_besluit="Met een arrangement kan de leerling op de eigen school blijven."
            if afwijzen
            else "De leerling heeft instructie in een kleine groep en een aangepast tempo nodig.",
            doelen="Zelfstandig werken aan een taak; de leerdoelen van de eigen groep halen.",
        )
        services.stuur_eindadvies_door(aanvraag=a, door=g["deskundige1"])
        if doel == "tla_vergadering":
            datum = vandaag + timedelta(days=14)
            vergadering = TLAVergadering.objects.filter(
                swv=ll.swv, datum=datum
            ).first() or services.plan_vergadering(
                door=g["tla"],
                swv=ll.swv,
                datum=datum,
                schooljaar=f"{datum.year - (datum.month < 8)}-{datum.year + (datum.month >= 8)}",
            )
            services.agendeer(aanvraag=a, door=g["tla"], vergadering=vergadering)
            continue
        if doel == "ter_ondertekening":
            continue
        _onderteken(a, g["bestuurder"], vandaag)
    stdout.write(f"  TLV: {min(len(leerlingen), len(doelen))} aanvragen in de overige stappen.")


def bouw(wereld, *, leerlingen: int, stdout) -> None:
    from cases.demo.inhoud import SCENARIO_LEERLINGEN, demo_leerling

    g = _gebruikers(wereld)
    vandaag = timezone.localdate()
    for naam, maker in (("Noor", _noor), ("Daan", _daan), ("Yara", _yara)):
        try:
            ll = demo_leerling(wereld.swv, naam)
        except Leerling.DoesNotExist:
            continue
        if TLVAanvraag.objects.filter(leerling=ll).exists():
            continue
        with transaction.atomic():
            maker(g, ll)
        stdout.write(f"  TLV: scenario {naam} gebouwd.")
    scenario = {(s.voornaam, s.achternaam) for s in SCENARIO_LEERLINGEN.values()}
    generiek = [
        ll
        for ll in Leerling.objects.filter(huidige_school__naam__in=SCHOOLTEAMS, swv=wereld.swv)
        .select_related("huidige_school")
        .prefetch_related("ouders")
        .order_by("pk")
        if (ll.voornaam, ll.achternaam) not in scenario and ll.ouders.filter(gezag=True).exists()
    ]
    if not TLVAanvraag.objects.filter(leerling__in=generiek).exists():
        with transaction.atomic():
            _generiek(g, generiek[:10], vandaag, stdout)


def tlv_voor_plaatsing(
    *, leerling, verwijzende_school, door, schoolsoort: str, categorie: str, besluit_op: date, ingang: date
):
    """A TLV issued before the demo's own history starts (Lotte's TLV so, decided while her
    interventietraject ran), so that her definitive placement on the so passes the toelating
    [002 L194]. The aanvraag stands as decided; its procedure is not replayed. Idempotent."""
    from tlv.models import TLV
    from tlv.models.keuzes import Soort, Status

    bestaand = TLV.objects.filter(leerling=leerling, schoolsoort=schoolsoort).first()
    if bestaand is not None:
        return bestaand
    aanvraag = TLVAanvraag.objects.create(
        swv=leerling.swv,
        leerling=leerling,
        school=verwijzende_school,
        soort=Soort.ZIJ_INSTROOM,
        status=Status.AFGEGEVEN,
        gevraagde_schoolsoort=schoolsoort,
        groep=leerling.huidige_groep,
        ontvangen_op=besluit_op - timedelta(days=30),
        besluit_op=besluit_op,
        besluit_verzonden_op=besluit_op,
        aangemaakt_door=door,
        **GEDEELD,
    )
    eind = date(ingang.year + 2 + (ingang.month >= 8), 7, 31)
    return TLV.objects.create(
        aanvraag=aanvraag,
        swv=leerling.swv,
        leerling=leerling,
        kenmerk=f"TLV-{besluit_op:%Y}-{aanvraag.pk:05d}",
        soort=aanvraag.soort,
        schoolsoort=schoolsoort,
        categorie=categorie,
        periode="6-8",
        ingangsdatum=ingang,
        einddatum=eind,
        afgegeven_op=besluit_op,
    )
