"""Models of the core app, split by sub-domain. Import every model here so that Django finds it."""

from .audit import AuditActie, AuditRegel
from .brieven import Brief
from .leerling import Inschrijving, Leerling, Ouder
from .organisaties import Gemeente, Regio, Samenwerkingsverband, School, Schoolbestuur
from .rollen import Gebruiker, Rol, RolSoort

__all__ = [
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
]
