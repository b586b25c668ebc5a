"""Models of the dossier: OT-verslagen, OPP's and documents. Django finds them through
cases/models/__init__.py, which imports every model of the app."""
