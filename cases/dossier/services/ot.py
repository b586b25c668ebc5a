"""The one write path for OT-verslagen [002 bijlage 3.8.2, 3.8.3; domain §4].

- `start_bespreking` opens a concept; `bewaar_concept` saves whatever was typed (nothing is
  required in a concept, so half-finished work is never lost);
- `vaststellen` checks completeness (`ontbreekt_voor_vaststellen`, each rule with its source) and
  makes the verslag immutable; the PDF is rendered after commit by `cases.tasks.maak_ot_verslag_pdf_task`
  (through the outbox);
- `voeg_addendum_toe` is the only way to correct a vastgesteld verslag (who/when kept);
- `rond_afspraak_af` marks an agreement done.
Every write leaves an audit row."""

from __future__ import annotations

import hashlib
import io
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cases.dossier.models.ot import (
    Aanwezige,
    AanwezigeRol,
    Addendum,
    Afspraak,
    OTBespreking,
    OTSoort,
    OTUitkomst,
    Status,
)
from cases.dossier.services.leerlingen import eis_bewerkrecht
from cases.models import Leerling
from cases.models.audit import AuditActie
from cases.services.audit import log

BESPREKING_VELDEN = (
    "datum",
    "ouders_uitgenodigd",
    "doelen",
    "hulpvraag",
    "gesprek_bao_bao",
    "gesprek_gespecialiseerd",
    "gesprek_so_sbo",
    "gesprek_context",
    "visie_ouders",
    "visie_betrokkenen",
    "bevindingen",
    "uitkomst",
    "vervolgafspraak",
    "vervolg_datum",
)
VERVOLG_VELDEN = ("gesprek_bao_bao", "gesprek_gespecialiseerd", "gesprek_so_sbo", "gesprek_context")
AANWEZIGE_VELDEN = ("naam", "rol", "functie")
AFSPRAAK_VELDEN = ("wat", "wie", "uiterlijk")
PDF_OPNIEUW_NA = timedelta(minutes=2)


def _is_leeg(rij: dict, velden) -> bool:
    return not any((rij.get(v) or "") != "" and rij.get(v) is not None for v in velden if v != "rol")


@transaction.atomic
def start_bespreking(*, leerling: Leerling, soort: str, door, request=None) -> OTBespreking:
    eis_bewerkrecht(door, leerling)
    if soort not in OTSoort.values:
        raise ValidationError("Kies een start- of vervolg-OT.")
    bespreking = OTBespreking.objects.create(leerling=leerling, soort=soort, aangemaakt_door=door)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=bespreking,
        leerling=leerling,
        omschrijving=f"{bespreking.get_soort_display()}: concept-verslag gestart",
    )
    return bespreking


@transaction.atomic
def bewaar_concept(
    *,
    bespreking: OTBespreking,
    door,
    request=None,
    gegevens: dict,
    aanwezigen: list[dict],
    afspraken: list[dict],
) -> OTBespreking:
    """Save the concept exactly as typed. Rows that are entirely empty are dropped; every other
    row is kept, even half-filled (completeness is only asked at vaststellen)."""
    bespreking = OTBespreking.objects.select_for_update().select_related("leerling").get(pk=bespreking.pk)
    eis_bewerkrecht(door, bespreking.leerling)
    if bespreking.is_vastgesteld:
        raise ValidationError(
            "Dit verslag is al vastgesteld en kan niet meer worden gewijzigd. Voeg een addendum toe."
        )
    for veld in BESPREKING_VELDEN:
        if veld in gegevens:
            waarde = gegevens[veld]
            setattr(
                bespreking, veld, "" if waarde is None and veld not in ("datum", "vervolg_datum") else waarde
            )
    if not bespreking.is_vervolg:
        for veld in VERVOLG_VELDEN:
            setattr(bespreking, veld, "")
    bespreking.save()
    bespreking.aanwezigen.all().delete()
    bespreking.afspraken.all().delete()
    Aanwezige.objects.bulk_create(
        Aanwezige(
            bespreking=bespreking,
            **{v: (r.get(v) or ("anders" if v == "rol" else "")) for v in AANWEZIGE_VELDEN},
        )
        for r in aanwezigen
        if not _is_leeg(r, AANWEZIGE_VELDEN)
    )
    Afspraak.objects.bulk_create(
        Afspraak(
            bespreking=bespreking,
            leerling_id=bespreking.leerling_id,
            wat=r.get("wat") or "",
            wie=r.get("wie") or "",
            uiterlijk=r.get("uiterlijk"),
        )
        for r in afspraken
        if not _is_leeg(r, AFSPRAAK_VELDEN)
    )
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=bespreking,
        leerling=bespreking.leerling,
        omschrijving=f"{bespreking.get_soort_display()}: concept opgeslagen",
    )
    return bespreking


def ontbreekt_voor_vaststellen(
    bespreking: OTBespreking, aanwezigen: list[Aanwezige], afspraken: list[Afspraak], *, vandaag: date
) -> dict[str, list[str]]:
    """What the format asks and is still missing, per field, in Dutch [002 bijlage 3.8.2/3.8.3]."""
    fout: dict[str, list[str]] = {}

    def mist(veld: str, tekst: str) -> None:
        fout.setdefault(veld, []).append(tekst)

    if bespreking.datum is None:
        mist("datum", "Vul de datum van het OT in.")
    elif bespreking.datum > vandaag:
        mist("datum", "De datum ligt in de toekomst; een verslag stelt u vast nadat het OT is gehouden.")
    if not aanwezigen:
        mist("aanwezigen", "Noteer wie er aanwezig waren (naam en functie).")
    for nr, a in enumerate(aanwezigen, start=1):
        if not a.naam or not a.functie_tekst:
            mist("aanwezigen", f"Aanwezige {nr}: vul naam en functie in.")
    if not bespreking.ouders_uitgenodigd:
        mist(
            "ouders_uitgenodigd",
            "Ouders worden altijd uitgenodigd voor het OT [002 §1.2]; vink aan dat dit is gebeurd.",
        )
    if not bespreking.doelen.strip():
        mist("doelen", "Beschrijf de doelen van het overleg en de bespreekpunten.")
    if not bespreking.hulpvraag.strip():
        mist("hulpvraag", "Beschrijf de hulpvraag.")
    if not bespreking.visie_ouders.strip():
        mist("visie_ouders", "Noteer de visie en ervaringen van de ouders (ook als zij er niet bij waren).")
    if not bespreking.bevindingen.strip():
        mist("bevindingen", "Noteer de bevindingen.")
    if not bespreking.uitkomst:
        mist("uitkomst", "Kies de uitkomst van het OT (checklist leerlingondersteuning, stap 7).")
    if not bespreking.vervolgafspraak.strip():
        mist(
            "vervolgafspraak",
            "Noteer de afspraak ten aanzien van het vervolg."
            if bespreking.is_vervolg
            else "Noteer de vervolgafspraak (OT 2).",
        )
    if not afspraken:
        mist("afspraken", "Leg ten minste één afspraak vast: wie neemt de regie en wie doet wat [002 §1.2].")
    for nr, a in enumerate(afspraken, start=1):
        ontbreekt = [
            naam
            for naam, waarde in (
                ("wat", a.wat.strip()),
                ("wie", a.wie.strip()),
                ("uiterlijk wanneer", a.uiterlijk),
            )
            if not waarde
        ]
        if ontbreekt:
            mist(
                "afspraken",
                f"Afspraak {nr}: vul ook {' en '.join(ontbreekt)} in. Een afspraak zonder "
                "eigenaar en datum wordt niet nagekomen [003, leerpunt 7].",
            )
    if bespreking.is_vervolg and bespreking.uitkomst == OTUitkomst.TLV:
        if not bespreking.gesprek_bao_bao.strip():
            mist(
                "gesprek_bao_bao",
                "Bij een TLV-aanvraag: beschrijf waarom plaatsing op een andere basisschool "
                "(bao-bao) niet haalbaar is [002 §1.4].",
            )
        if not bespreking.gesprek_so_sbo.strip():
            mist(
                "gesprek_so_sbo",
                "Bij een TLV-aanvraag: beschrijf hoe de afweging so of sbo is gemaakt [002 §1.4].",
            )
    return fout


@transaction.atomic
def vaststellen(*, bespreking: OTBespreking, door, request=None, vandaag: date | None = None) -> OTBespreking:
    bespreking = OTBespreking.objects.select_for_update().select_related("leerling").get(pk=bespreking.pk)
    eis_bewerkrecht(door, bespreking.leerling)
    if bespreking.is_vastgesteld:
        raise ValidationError("Dit verslag is al vastgesteld.")
    vandaag = vandaag or timezone.localdate()
    fout = ontbreekt_voor_vaststellen(
        bespreking, list(bespreking.aanwezigen.all()), list(bespreking.afspraken.all()), vandaag=vandaag
    )
    if fout:
        raise ValidationError(fout)
    bespreking.vaststellen(door=door, op=timezone.now())
    bespreking.save()
    log(
        actie=AuditActie.OVERGANG,
        request=request,
        user=door,
        obj=bespreking,
        leerling=bespreking.leerling,
        omschrijving=f"{bespreking.get_soort_display()}: verslag vastgesteld",
    )
    _pdf_na_commit(bespreking)
    return bespreking


@transaction.atomic
def voeg_addendum_toe(*, bespreking: OTBespreking, tekst: str, door, request=None) -> Addendum:
    bespreking = OTBespreking.objects.select_for_update().select_related("leerling").get(pk=bespreking.pk)
    eis_bewerkrecht(door, bespreking.leerling)
    if not bespreking.is_vastgesteld:
        raise ValidationError(
            "Een concept-verslag kunt u gewoon bewerken; een addendum is voor een vastgesteld verslag."
        )
    if not (tekst or "").strip():
        raise ValidationError({"tekst": "Schrijf de aanvulling of correctie."})
    addendum = Addendum.objects.create(bespreking=bespreking, tekst=tekst.strip(), door=door)
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=addendum,
        leerling=bespreking.leerling,
        omschrijving=f"addendum bij {bespreking.get_soort_display()}",
    )
    _pdf_na_commit(bespreking)
    return addendum


@transaction.atomic
def rond_afspraak_af(*, afspraak: Afspraak, door, request=None, op: date | None = None) -> Afspraak:
    afspraak = (
        Afspraak.objects.select_for_update().select_related("leerling", "bespreking").get(pk=afspraak.pk)
    )
    eis_bewerkrecht(door, afspraak.leerling)
    if afspraak.bespreking.status != Status.VASTGESTELD:
        raise ValidationError("Een afspraak in een concept-verslag kan nog niet worden afgerond.")
    if afspraak.afgerond_op is not None:
        raise ValidationError("Deze afspraak is al afgerond.")
    afspraak.afgerond_op = op or timezone.localdate()
    afspraak.afgerond_door = door
    afspraak.save(update_fields=["afgerond_op", "afgerond_door"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=afspraak,
        leerling=afspraak.leerling,
        omschrijving="afspraak afgerond",
    )
    return afspraak


# --- PDF of the verslag, off the request path --------------------------------------------------


def pdf_is_actueel(bespreking: OTBespreking, aantal_addenda: int) -> bool:
    return bool(bespreking.pdf) and bespreking.pdf_aantal_addenda == aantal_addenda


def _pdf_na_commit(bespreking: OTBespreking) -> None:
    # Through the outbox [issue 13]: recorded in this transaction, handed to the broker after it.
    from cases.services.uitgaand import plan_taak
    from cases.tasks import maak_ot_verslag_pdf_task

    OTBespreking.objects.filter(pk=bespreking.pk).update(pdf_aangevraagd_op=timezone.now())
    plan_taak(maak_ot_verslag_pdf_task, bespreking.pk)


def vraag_pdf_opnieuw_aan(*, bespreking: OTBespreking) -> bool:
    """When the PDF is not there (a worker was down), ask again — at most every two minutes, so a
    page that polls does not flood the queue. Returns whether a new task was queued."""
    if not bespreking.is_vastgesteld:
        return False
    if bespreking.pdf_aangevraagd_op and timezone.now() - bespreking.pdf_aangevraagd_op < PDF_OPNIEUW_NA:
        return False
    with transaction.atomic():
        _pdf_na_commit(bespreking)
    return True


def open_pdf_voor_download(*, bespreking: OTBespreking, request):
    """The stored PDF, checked against its hash, for the (permission-checked) download view; logged."""
    with bespreking.pdf.open("rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != bespreking.pdf_sha256:
        raise ValidationError(
            "De opgeslagen PDF wijkt af van de vastgelegde controlewaarde; neem contact op met de beheerder."
        )
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=bespreking,
        leerling=bespreking.leerling,
        omschrijving=f"{bespreking.get_soort_display()}: PDF gedownload",
    )
    return io.BytesIO(data)


def verslag_html(bespreking: OTBespreking) -> str:
    leerling = bespreking.leerling
    return render_to_string(
        "pdf/ot_verslag.html",
        {
            "bespreking": bespreking,
            "leerling": leerling,
            "school": leerling.huidige_school,
            "swv": leerling.swv,
            "aanwezigen": list(bespreking.aanwezigen.all()),
            "afspraken": list(bespreking.afspraken.all()),
            "addenda": list(bespreking.addenda.select_related("door")),
            "ouders_aanwezig": bespreking.aanwezigen.filter(rol=AanwezigeRol.OUDER).exists(),
            "sc_aanwezig": bespreking.aanwezigen.filter(rol=AanwezigeRol.SC).exists(),
            "gemaakt_op": timezone.localtime(),
        },
    )


def maak_ot_verslag_pdf(bespreking_id: int) -> OTBespreking | None:
    """Render and store the PDF of a vastgesteld verslag. Idempotent: nothing happens when the
    stored PDF already includes every addendum."""
    from cases.services.brieven import render_pdf

    with transaction.atomic():
        bespreking = (
            OTBespreking.objects.select_for_update(of=("self",))
            .select_related("leerling__swv", "leerling__huidige_school", "vastgesteld_door")
            .filter(pk=bespreking_id)
            .first()
        )
        if bespreking is None or not bespreking.is_vastgesteld:
            return bespreking
        aantal = bespreking.addenda.count()
        if pdf_is_actueel(bespreking, aantal):
            return bespreking
        pdf = render_pdf(verslag_html(bespreking))
        oud = bespreking.pdf.name if bespreking.pdf else ""
        bespreking.pdf.save("verslag.pdf", ContentFile(pdf), save=False)
        bespreking.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        bespreking.pdf_gemaakt_op = timezone.now()
        bespreking.pdf_aantal_addenda = aantal
        bespreking.save(update_fields=["pdf", "pdf_sha256", "pdf_gemaakt_op", "pdf_aantal_addenda"])
    if oud:
        bespreking.pdf.storage.delete(oud)
    return bespreking
