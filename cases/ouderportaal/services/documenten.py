"""Documents ouders send for their child's dossier [issue 17, part 2; 002 §1.4]. They wait in a
queue until the IB'er/directeur of the child's school or the SWV bureau accepts them (then a
normal dossier Document is made, with the soort staff choose, and linked back) or declines them
with a reason the ouder sees. The upload checks are the dossier's own (controleer_bestand: size,
type decided on the bytes, no script in a PDF); the file goes to private storage under a random
name and is only served by an audited, permission-checked view."""

from __future__ import annotations

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cases.dossier.services.documenten import controleer_bestand, sla_document_op
from cases.models.audit import AuditActie
from cases.models.leerling import Leerling
from cases.models.rollen import SCHOOLLEIDING, SWV_BUREAU
from cases.ouderportaal.models.inbreng import OuderDocument, OuderDocumentStatus
from cases.ouderportaal.selectors import ouders_van
from cases.ouderportaal.services.toegang import mag_uitnodigen
from cases.scope import scope_for
from cases.services.audit import log

BEOORDELAARS = tuple(SCHOOLLEIDING | SWV_BUREAU)


def mag_beoordelen(user, leerling: Leerling) -> bool:
    """The same people who invite ouders: IB'er/directeur of the child's current school, or the
    SWV bureau of its SWV [issue 17]."""
    return mag_uitnodigen(user, leerling)


def wachtrij_voor(user):
    """The ouders' documents this user may judge: per role, the school's or the SWV's children."""
    scope = scope_for(user)
    qs = OuderDocument.objects.all()
    if scope.alles:
        return qs
    q = Q(pk__in=[])
    for rol in scope.rollen:
        if rol.soort in SCHOOLLEIDING and rol.school_id:
            q |= Q(leerling__huidige_school_id=rol.school_id)
        elif rol.soort in SWV_BUREAU and rol.swv_id:
            q |= Q(leerling__swv_id=rol.swv_id)
    return qs.filter(q)


def _hash(bestand) -> str:
    bestand.seek(0)
    sha = hashlib.sha256()
    for blok in iter(lambda: bestand.read(1024 * 1024), b""):
        sha.update(blok)
    bestand.seek(0)
    return sha.hexdigest()


@transaction.atomic
def stuur_document(
    *, door, kind: Leerling, titel: str, toelichting: str = "", bestand, request=None
) -> OuderDocument:
    """An ouder with gezag sends a document for his child; it waits for the school to judge."""
    ouders = ouders_van(door, kind)
    if not ouders:
        raise PermissionDenied("Alleen een ouder of verzorger met gezag kan documenten sturen voor dit kind.")
    fout: dict[str, str] = {}
    if not titel.strip():
        fout["titel"] = "Schrijf kort wat voor document het is, bijvoorbeeld 'Verslag van de psycholoog'."
    try:
        herkend = controleer_bestand(bestand)
    except ValidationError as exc:
        fout.update({k: v[0] for k, v in exc.message_dict.items()})
        herkend = None
    if fout:
        raise ValidationError(fout)
    doc = OuderDocument(
        leerling=kind,
        ouder=ouders[0],
        gebruiker=door,
        titel=titel.strip(),
        toelichting=toelichting.strip(),
        mimetype=herkend.mimetype,
        grootte=bestand.size,
        sha256=_hash(bestand),
    )
    # The upload's own name is not kept (it may hold a name or BSN): only the detected extension.
    doc.bestand.save(f"document.{herkend.extensie}", File(bestand), save=False)
    doc.save()
    log(
        actie=AuditActie.AANGEMAAKT,
        request=request,
        user=door,
        obj=doc,
        leerling=kind,
        omschrijving="ouderportaal: document gestuurd voor het dossier",
    )
    return doc


def _vergrendel(doc: OuderDocument, door) -> OuderDocument:
    doc = OuderDocument.objects.select_for_update(of=("self",)).select_related("leerling").get(pk=doc.pk)
    if not mag_beoordelen(door, doc.leerling):
        raise PermissionDenied(
            "Alleen de intern begeleider of directeur van de school van de leerling, of het bureau van "
            "het samenwerkingsverband, beoordeelt documenten van ouders."
        )
    if doc.status != OuderDocumentStatus.WACHT:
        raise ValidationError(f"Dit document is al beoordeeld: {doc.get_status_display()}.")
    return doc


@transaction.atomic
def neem_op(
    *,
    document: OuderDocument,
    door,
    soort: str,
    titel: str,
    datum: date,
    onderzoeksdatum: date | None = None,
    notitie: str = "",
    request=None,
) -> OuderDocument:
    """Accept into the dossier: a normal Document (checked again like any upload), linked back."""
    doc = _vergrendel(document, door)
    with doc.bestand.open("rb") as bestand:
        dossierdoc = sla_document_op(
            leerling=doc.leerling,
            door=door,
            request=request,
            soort=soort,
            titel=titel,
            datum=datum,
            onderzoeksdatum=onderzoeksdatum,
            notitie=notitie,
            bestand=bestand,
            omschrijving="document van ouders opgenomen in het dossier",
        )
    doc.status = OuderDocumentStatus.OPGENOMEN
    doc.document = dossierdoc
    doc.beoordeeld_door, doc.beoordeeld_op = door, timezone.now()
    doc.save(update_fields=["status", "document", "beoordeeld_door", "beoordeeld_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=doc,
        leerling=doc.leerling,
        omschrijving="document van ouders opgenomen in het dossier",
    )
    return doc


@transaction.atomic
def wijs_af(*, document: OuderDocument, door, reden: str, request=None) -> OuderDocument:
    """Decline with a reason; the ouder sees it in the portal."""
    doc = _vergrendel(document, door)
    if not reden.strip():
        raise ValidationError(
            {"reden": "Schrijf op waarom het document niet in het dossier komt; de ouder leest dit."}
        )
    doc.status = OuderDocumentStatus.AFGEWEZEN
    doc.reden_afwijzing = reden.strip()
    doc.beoordeeld_door, doc.beoordeeld_op = door, timezone.now()
    doc.save(update_fields=["status", "reden_afwijzing", "beoordeeld_door", "beoordeeld_op"])
    log(
        actie=AuditActie.GEWIJZIGD,
        request=request,
        user=door,
        obj=doc,
        leerling=doc.leerling,
        omschrijving="document van ouders niet opgenomen",
    )
    return doc


def open_voor_download(*, document: OuderDocument, request):
    bestand = document.bestand.open("rb")
    log(
        actie=AuditActie.GEDOWNLOAD,
        request=request,
        obj=document,
        leerling=document.leerling,
        omschrijving="document van ouders gedownload",
    )
    return bestand
