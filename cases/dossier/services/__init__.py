"""Write path of the dossier: OT-verslagen, OPP's, documents and the leerling's own gegevens."""
