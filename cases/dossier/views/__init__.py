"""Pages of the dossier: the dossier itself, leerling gegevens, OT-verslagen, OPP's, documents."""
