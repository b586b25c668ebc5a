"""The builder of the demo dossiers: collects rows in lists and bulk-creates them."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from cases.demo.inhoud.pdf import mini_pdf
from cases.demo.inhoud.personen import HULPVRAGEN
from cases.dossier.models.documenten import DocumentSoort
from cases.dossier.models.opp import AkkoordWijze
from cases.dossier.models.ot import Status
from cases.models import (
    OPP,
    Aanwezige,
    Afspraak,
    Document,
    OPPAkkoord,
    OTBespreking,
    Ouder,
)

# --- the builder -------------------------------------------------------------------------------------


class _Bouwer:
    """Collects rows in lists and bulk-creates them in dependency order."""

    def __init__(self, wereld, vandaag: date):
        self.w = wereld
        self.vandaag = vandaag
        self.ib = wereld.gebruikers.get("ib")
        self.ots: list[tuple[OTBespreking, list[Aanwezige], list[Afspraak]]] = []
        self.opps: list[tuple[OPP, list[tuple[int, date, str]]]] = []  # (opp, [(ouder_index, datum, wijze)])
        self.docs: list[Document] = []
        self.ouders_per_leerling: dict[int, list[Ouder]] = {}
        self.pdf_cache: dict[tuple[str, str], tuple[str, int, str]] = {}

    # rows ------------------------------------------------------------------------------------------
    def ot(
        self,
        leerling,
        *,
        soort="start",
        datum,
        status=Status.VASTGESTELD,
        uitkomst="",
        hulpvraag="",
        bevindingen="",
        visie_ouders="",
        aanwezigen=(),
        afspraken=(),
        **extra,
    ):
        b = OTBespreking(
            leerling=leerling,
            soort=soort,
            status=status,
            datum=datum,
            ouders_uitgenodigd=True,
            doelen=extra.pop("doelen", "Hulpvraag verhelderen en afspraken maken over de ondersteuning."),
            hulpvraag=hulpvraag,
            visie_ouders=visie_ouders,
            bevindingen=bevindingen,
            uitkomst=uitkomst,
            visie_betrokkenen=extra.pop(
                "visie_betrokkenen", "De schoolarts ziet geen medische belemmeringen."
            ),
            vervolgafspraak=extra.pop("vervolgafspraak", "Vervolg-OT over zes tot acht weken."),
            aangemaakt_door=self.ib,
            vastgesteld_door=self.ib if status == Status.VASTGESTELD else None,
            vastgesteld_op=timezone.make_aware(datetime.combine(datum, time(16, 30)))
            if status == Status.VASTGESTELD
            else None,
            **extra,
        )
        rijen_a = [Aanwezige(naam=n, rol=r, functie=f) for n, r, f in aanwezigen]
        rijen_b = [
            Afspraak(leerling=leerling, wat=wat, wie=wie, uiterlijk=uiterlijk, afgerond_op=afgerond)
            for wat, wie, uiterlijk, afgerond in afspraken
        ]
        self.ots.append((b, rijen_a, rijen_b))

    def opp(self, leerling, *, versie, datum, status=Status.VASTGESTELD, akkoorden=(), **inhoud):
        basis = {
            "hulpvraag": inhoud.pop("hulpvraag", HULPVRAGEN[0]),
            "gezinssituatie": "Gezin met twee kinderen; beide ouders werken.",
            "swv_betrokken": "De steunpuntcoördinator is sinds het eerste OT betrokken.",
            "signalen_leerkracht": "Achterblijvende resultaten en terugtrekgedrag in de groep.",
            "signalen_ouders": "Buikpijn voor schooltijd, moeite met slapen.",
            "uitstroomprofiel": inhoud.pop("uitstroomprofiel", "vmbo_bb"),
            "uitstroomprofiel_onderbouwing": "Op basis van de LVS-gegevens van de afgelopen twee jaar en de "
            "werkhouding; de leerling profiteert van praktische opdrachten.",
            "factoren": {
                "A": {
                    "school_bevorderend": "leert goed met concreet materiaal",
                    "school_belemmerend": "werkgeheugen zwak",
                    "thuis_bevorderend": "leest graag samen",
                },
                "C": {
                    "school_bevorderend": "behulpzaam",
                    "school_belemmerend": "trekt zich terug bij drukte",
                    "thuis_belemmerend": "angstig voor nieuwe situaties",
                },
                "F": {"ouders_bevorderend": "betrokken ouders", "school_belemmerend": "weinig rust in huis"},
            },
            "doelen_school": "Dagelijks voorspelbare structuur; instructie in een kleine groep.",
            "ondersteuningsbehoeften_leerkracht": "Advies van de SC; tijd voor verlengde instructie.",
            "doelen_kind": "Vraagt zelf om hulp; maakt de rekentaak van de dag af.",
            "begeleiding_kind": "Twee keer per week verlengde instructie; vaste plek bij de instructietafel.",
            "begeleiding_door": "Leerkracht, onderwijsassistent",
            "onderwijsbehoeften": "Korte instructie, visuele ondersteuning, vooraf weten wat er komt.",
            "doelen_ouders": "Ouders oefenen thuis tien minuten per dag samen lezen.",
            "zienswijze_ouders": "Ouders zijn het eens met de doelen; zij horen elke zes weken de voortgang.",
            "school_ondertekend_door": "I. Bouwmeester, intern begeleider",
            "school_ondertekend_op": datum,
            "evaluatie": "De doelen van de vorige versie zijn deels bereikt; het rekendoel blijft staan."
            if versie > 1
            else "",
        }
        basis.update(inhoud)
        o = OPP(
            leerling=leerling,
            versie=versie,
            status=status,
            datum=datum,
            aangemaakt_door=self.ib,
            vastgesteld_door=self.ib if status == Status.VASTGESTELD else None,
            vastgesteld_op=timezone.make_aware(datetime.combine(datum, time(17, 0)))
            if status == Status.VASTGESTELD
            else None,
            **basis,
        )
        self.opps.append((o, list(akkoorden)))

    def document(self, leerling, *, soort, titel, datum, onderzoeksdatum=None, notitie=""):
        self.docs.append(self._document(leerling, soort, titel, datum, onderzoeksdatum, notitie))

    def _document(self, leerling, soort, titel, datum, onderzoeksdatum=None, notitie="") -> Document:
        inhoud = mini_pdf(
            titel,
            [
                f"Demodocument ({soort}) – fictieve inhoud.",
                f"Datum: {datum:%d-%m-%Y}",
                "Samenwerkingsverband Vallei & Rijn PO (demo)",
            ],
        )
        naam = default_storage.save(f"documenten/demo/{uuid.uuid4().hex}.pdf", ContentFile(inhoud))
        return Document(
            leerling=leerling,
            soort=soort,
            titel=titel,
            datum=datum,
            onderzoeksdatum=onderzoeksdatum,
            notitie=notitie,
            bestand=naam,
            mimetype="application/pdf",
            grootte=len(inhoud),
            sha256=hashlib.sha256(inhoud).hexdigest(),
            geupload_door=self.ib,
        )

    # flush -----------------------------------------------------------------------------------------
    def opslaan(self):
        besprekingen = OTBespreking.objects.bulk_create([b for b, _, _ in self.ots])
        aanwezigen, afspraken = [], []
        for b, (_, rijen_a, rijen_b) in zip(besprekingen, self.ots, strict=True):
            for a in rijen_a:
                a.bespreking = b
                aanwezigen.append(a)
            for a in rijen_b:
                a.bespreking = b
                if a.afgerond_op:
                    a.afgerond_door = self.ib
                afspraken.append(a)
        Aanwezige.objects.bulk_create(aanwezigen)
        Afspraak.objects.bulk_create(afspraken)
        opps = OPP.objects.bulk_create([o for o, _ in self.opps])
        akkoorden = []
        for o, (_, rijen) in zip(opps, self.opps, strict=True):
            ouders = self.ouders_per_leerling.get(o.leerling_id, [])
            for index, datum, wijze in rijen:
                if index < len(ouders) and ouders[index].gezag:
                    # A paper signature counts only with its scan in the dossier [issue 16.3].
                    scan = None
                    if AkkoordWijze(wijze).vraagt_scan:
                        scan = self._document(
                            o.leerling,
                            DocumentSoort.HANDELINGSDEEL,
                            f"Ondertekend handelingsdeel OPP versie {o.versie}",
                            datum,
                        )
                        self.docs.append(scan)
                    akkoorden.append(
                        OPPAkkoord(
                            opp=o,
                            ouder=ouders[index],
                            datum=datum,
                            wijze=wijze,
                            document=scan,
                            vastgelegd_door=self.ib,
                        )
                    )
        Document.objects.bulk_create(self.docs)
        for a in akkoorden:
            a.document_id = a.document.pk if a.document else None
        OPPAkkoord.objects.bulk_create(akkoorden)
        return len(besprekingen), len(opps), len(self.docs)


def _team(ouders: list[tuple[str, str]], leerkracht: str = "J. de Groepsleerkracht"):
    """IB'er (chair), leerkracht, the ouders and the SC at the table [domain §4]."""
    return (
        [("Ilse Bouwmeester", "ib", ""), (leerkracht, "leerkracht", "")]
        + [(naam, "ouder", relatie) for naam, relatie in ouders]
        + [("Sanne Coppelmans", "sc", "")]
    )
