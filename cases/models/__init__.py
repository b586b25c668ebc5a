"""Models of the core app, split by sub-domain. Import every model here so that Django finds it."""

from .arrangementen import Arrangement, ArrangementBudget
from .audit import AuditActie, AuditRegel
from .brieven import Brief
from .documenten import Document, DocumentSoort
from .interventie import (
    InterventieAfspraak,
    InterventieBijeenkomst,
    InterventiePlaatsing,
    InterventieTeamlid,
    Interventietraject,
)
from .leerling import Inschrijving, Leerling, Ouder
from .opp import OPP, OPPAkkoord, OPPInterventie
from .organisaties import Gemeente, Regio, Samenwerkingsverband, School, Schoolbestuur
from .ot import Aanwezige, Addendum, Afspraak, OTBespreking
from .rollen import Gebruiker, Rol, RolSoort
from .termijnen import AgendaToken, Notificatie, Opschorting, Termijn
from .uitgaand import UitgaandeTaak
from .vakanties import SchoolVakantie

__all__ = [
    "Arrangement",
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
    "AuditActie",
    "AuditRegel",
    "Brief",
    "Gebruiker",
    "Inschrijving",
    "Leerling",
    "Ouder",
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
