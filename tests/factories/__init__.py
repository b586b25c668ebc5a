from .organisaties import (
    GebruikerFactory,
    GemeenteFactory,
    LeerlingFactory,
    OuderFactory,
    RegioFactory,
    RolFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SWVFactory,
)

__all__ = [
    "GebruikerFactory",
    "GemeenteFactory",
    "LeerlingFactory",
    "OuderFactory",
    "RegioFactory",
    "RolFactory",
    "SWVFactory",
    "SchoolFactory",
    "SchoolbestuurFactory",
]
