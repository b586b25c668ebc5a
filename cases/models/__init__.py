"""Models of the core app, split by sub-domain. Import every model here so that Django finds it."""

from cases.dossier.models.documenten import Document, DocumentSoort
from cases.dossier.models.opp import OPP, OPPAkkoord, OPPInterventie
from cases.dossier.models.ot import Aanwezige, Addendum, Afspraak, OTBespreking
from cases.interventie.models.arrangementen import Arrangement, ArrangementBudget
from cases.interventie.models.traject import (
    InterventieAfspraak,
    InterventieBijeenkomst,
    InterventiePlaatsing,
    InterventieTeamlid,
    Interventietraject,
)
from cases.onderinstroom.models.arrangement import Overgangsarrangement
from cases.onderinstroom.models.onderinstroom import Onderinstroom
from cases.onderinstroom.models.overdracht import Overdrachtsdocument
from cases.ouderportaal.models.berichten import BriefBericht
from cases.ouderportaal.models.inbreng import OuderBezwaar, OuderDocument, OuderDocumentStatus
from cases.ouderportaal.models.toegang import OuderKoppeling, OuderUitnodiging
from cases.ouderportaal.models.toestemming import Toestemming
from cases.ouderportaal.models.zienswijze import Zienswijze
from cases.termijnen.models.termijnen import AgendaToken, Notificatie, Opschorting, Termijn
from cases.termijnen.models.vakanties import SchoolVakantie

from .audit import AuditActie, AuditRegel
from .brieven import Brief
from .leerling import Inschrijving, Leerling, Ouder
from .organisaties import Gemeente, Regio, Samenwerkingsverband, School, Schoolbestuur
from .rollen import Gebruiker, Rol, RolSoort
from .uitgaand import UitgaandeTaak

__all__ = [
    "Zienswijze",
    "Arrangement",
    "BriefBericht",
    "OuderBezwaar",
    "OuderDocument",
    "OuderDocumentStatus",
    "ArrangementBudget",
    "InterventieAfspraak",
    "InterventieBijeenkomst",
    "InterventiePlaatsing",
    "InterventieTeamlid",
    "Interventietraject",
    "Aanwezige",
    "Addendum",
    "Afspraak",
    "Document",
    "DocumentSoort",
    "OPP",
    "OPPAkkoord",
    "OPPInterventie",
    "OTBespreking",
    "Onderinstroom",
    "Overdrachtsdocument",
    "Overgangsarrangement",
    "AuditActie",
    "AuditRegel",
    "Brief",
    "Gebruiker",
    "Inschrijving",
    "Leerling",
    "Ouder",
    "OuderKoppeling",
    "OuderUitnodiging",
    "Toestemming",
    "Gemeente",
    "Regio",
    "Rol",
    "RolSoort",
    "Samenwerkingsverband",
    "School",
    "Schoolbestuur",
    "AgendaToken",
    "Notificatie",
    "Opschorting",
    "SchoolVakantie",
    "Termijn",
    "UitgaandeTaak",
]
