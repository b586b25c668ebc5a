"""Models of the onderinstroom. Django finds them through cases/models/__init__.py."""
